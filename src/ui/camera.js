// The staff page's camera (src/ui/staff/camera.rs), loaded only when it is first opened:
// scripts/build/build.sh puts this file beside the staff page under a name made of its content.
// Shows the camera (the back one where there is a choice) in a <video> and reads the QR codes in
// its frames with the browser's BarcodeDetector where it reads QR codes, else with jsQR, fetched
// only then (npm jsqr, copied beside the staff page by build.sh; the service worker precaches
// both). Each code's text is handed over once, by next(). The reader used is left in the
// button's data-decoder attribute.
(() => {
  const JSQR = "/staff/jsqr-1.4.0.js";
  let run = null;

  function stop() {
    const r = run;
    if (!r) return;
    run = null;
    clearTimeout(r.timer);
    if (r.stream) r.stream.getTracks().forEach((t) => t.stop());
    if (r.video) {
      r.video.srcObject = null;
      r.video.remove();
    }
    if (r.wake) r.wake();
  }

  async function decoder() {
    try {
      if ((await BarcodeDetector.getSupportedFormats()).includes("qr_code")) {
        const d = new BarcodeDetector({ formats: ["qr_code"] });
        return ["barcode-detector", async (v) => (await d.detect(v)).map((c) => c.rawValue)];
      }
    } catch (e) {} // no BarcodeDetector (desktop Chromium on Linux), or one without QR codes
    if (!self.jsQR) {
      await new Promise((ok, fail) => {
        const s = document.createElement("script");
        s.src = JSQR;
        s.onload = ok;
        s.onerror = () => fail(new DOMException("jsQR", "NotSupportedError"));
        document.head.append(s);
      });
    }
    const c = document.createElement("canvas");
    const g = c.getContext("2d", { willReadFrequently: true });
    return ["jsqr", (v) => {
      c.width = v.videoWidth;
      c.height = v.videoHeight;
      g.drawImage(v, 0, 0);
      const q = self.jsQR(g.getImageData(0, 0, c.width, c.height).data, c.width, c.height, { inversionAttempts: "dontInvert" });
      return q && q.data ? [q.data] : [];
    }];
  }

  // Opens the camera into a <video id="qr-video"> put after the element with this id (the
  // button), removed again by stop(). Rejects with the error's name ("NotAllowedError": refused,
  // "NotFoundError": none, …), or "stopped" when stop() or another start() came first.
  async function start(id) {
    stop();
    const r = (run = { queue: [], seen: new Set() });
    const video = document.createElement("video");
    let name, read;
    try {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) throw new DOMException("", "NotSupportedError");
      r.stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      if (run !== r) throw "stopped";
      [name, read] = await decoder();
      if (run !== r) throw "stopped";
      r.video = video;
      video.id = "qr-video";
      video.className = "no-print";
      video.muted = video.playsInline = true;
      video.style.display = "block";
      video.style.width = "20rem";
      video.style.maxWidth = "100%";
      video.srcObject = r.stream;
      document.getElementById(id).after(video);
      await video.play();
    } catch (e) {
      if (run !== r) {
        if (r.stream) r.stream.getTracks().forEach((t) => t.stop());
        throw "stopped";
      }
      stop();
      throw (e && e.name) || "Error";
    }
    document.getElementById(id).dataset.decoder = name;
    const tick = async () => {
      try {
        if (video.readyState >= 2) {
          for (const t of await read(video)) {
            if (run === r && !r.seen.has(t)) {
              r.seen.add(t);
              r.queue.push(t);
              if (r.wake) r.wake();
            }
          }
        }
      } catch (e) {} // a frame that could not be read: the next one will do
      if (run === r) r.timer = setTimeout(tick, 120);
    };
    tick();
  }

  // The next code's text not handed over yet; null once stopped.
  function next() {
    const r = run;
    if (!r) return Promise.resolve(null);
    if (r.queue.length) return Promise.resolve(r.queue.shift());
    return new Promise((resolve) => {
      r.wake = () => {
        r.wake = null;
        resolve(run === r && r.queue.length ? r.queue.shift() : null);
      };
    });
  }

  self.hosoCamera = { start, next, stop };
})();
