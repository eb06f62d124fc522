// Inlined into index.html and staff.html by trunk (`rel="inline"`), before everything else in
// the body. If the app cannot load (its files fail on a flaky connection) or stops on an error in
// the wasm (a panic: scripts/build/lean_env.sh makes it a bare `unreachable` trap), it says so in both
// languages and offers to try again, instead of a loading line forever or a dead page.
(function () {
  var started = false, shown = false;
  addEventListener('TrunkApplicationStarted', function () { started = true; });
  function fail(e) {
    var target = e.target, error = e.error || e.reason;
    // Only the app's own module scripts (a failed image or style is not the app failing).
    if (shown || (target && target !== window && !(target.tagName === 'SCRIPT' && target.type === 'module'))) return;
    var crash = error instanceof WebAssembly.RuntimeError;
    if (started && !crash) return;
    shown = true;
    var box = document.createElement('div'), button = document.createElement('button');
    var main = document.querySelector('main') || document.body;
    box.className = 'warning-box boot-error';
    box.setAttribute('role', 'alert');
    // Only the resident app (whose boot script sets hosoStatic) keeps what was entered.
    var kept = 'hosoStatic' in window;
    box.innerHTML = crash
      ? '<p>Hồ sơ gặp lỗi và đã dừng.' + (kept ? ' Những gì bạn đã nhập vẫn được lưu trên máy này.' : '') + '</p>' +
        '<p lang=en>Hồ sơ hit an error and stopped.' + (kept ? ' What you entered is kept on this device.' : '') + '</p>'
      : '<p>Không tải được Hồ sơ. Hãy kiểm tra kết nối mạng rồi thử lại.</p>' +
        '<p lang=en>Hồ sơ could not be loaded. Check your connection and try again.</p>';
    button.type = 'button';
    button.className = 'button';
    button.innerHTML = crash ? 'Tải lại trang / <span lang=en>Reload</span>' : 'Thử lại / <span lang=en>Try again</span>';
    button.addEventListener('click', function () { location.reload(); });
    box.appendChild(button);
    var loading = document.getElementById('boot');
    if (loading) loading.remove();
    main.insertBefore(box, main.firstChild);
    // On the static start page the resident may be reading: the alert is announced, focus stays.
    if (crash || !window.hosoStatic) button.focus();
  }
  addEventListener('error', fail, true);
  addEventListener('unhandledrejection', fail);
})();
