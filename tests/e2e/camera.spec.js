// The staff page reads the resident's counter QR codes with the camera (issue #23, point 4).
// Chromium's fake camera plays a video made here from a sample package's codes, as `hoso verify`
// prints them and `hoso qr image` draws them; Chromium on Linux has no BarcodeDetector, so the
// page reads the frames with jsQR, fetched only when the camera starts. The BarcodeDetector path is
// run with a stand-in detector; a refused or missing camera is explained.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('@playwright/test');
const { test, expect, expectAccessible, fixClock } = require('./helpers');

const ROOT = path.join(__dirname, '..', '..');

/** The `hoso` command-line tool (built by `cargo test` before the browser tests; a no-op then). */
function hoso(...args) {
  return execFileSync('cargo', ['run', '--offline', '--quiet', '--bin', 'hoso', '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }).toString('utf8');
}

/** An 8-bit greyscale PNG (as `hoso qr image` writes it) as its pixels. */
function pngGrey(buf) {
  expect(buf.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))).toBe(true);
  let at = 8, width, height;
  const idat = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at), type = buf.toString('latin1', at + 4, at + 8), data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]], 'depth 8, grey, not interlaced').toEqual([8, 0, 0]);
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const px = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (width + 1)], line = raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1));
    for (let x = 0; x < width; x++) {
      const a = x ? px[y * width + x - 1] : 0, b = y ? px[(y - 1) * width + x] : 0, c = x && y ? px[(y - 1) * width + x - 1] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][f];
      px[y * width + x] = (line[x] + pred) & 255;
    }
  }
  return { width, height, px };
}

/** A Y4M video (Chromium's --use-file-for-fake-video-capture), 640×480 at 10 frames a second:
 *  each picture in the middle of a white frame for one second, in turn, over and over. */
function y4m(pictures, file) {
  const W = 640, H = 480;
  const frames = pictures.map(({ width, height, px }) => {
    expect(width <= W && height <= H, `a ${width}×${height} code fits the frame`).toBe(true);
    const y = Buffer.alloc(W * H, 255);
    const left = (W - width) >> 1, top = (H - height) >> 1;
    for (let r = 0; r < height; r++) px.copy(y, (top + r) * W + left, r * width, (r + 1) * width);
    return Buffer.concat([Buffer.from('FRAME\n'), y, Buffer.alloc(W * H / 2, 128)]);
  });
  const out = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  for (const f of frames) for (let i = 0; i < 10; i++) out.push(f);
  fs.writeFileSync(file, Buffer.concat(out));
}

let dir, codes, reference;

test.beforeAll(async () => {
  test.setTimeout(600_000); // builds the command-line tool if `cargo test` has not
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoso-camera-'));
  const v = JSON.parse(hoso('verify', path.join('tests', 'fixtures', 'khai-sinh.zip'), '--json'));
  codes = v.counter_qr;
  reference = v.reference;
  expect(codes.length, 'the sample takes two codes').toBe(2);
});

test.afterAll(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

/** A video of these codes' QR codes, drawn by `hoso qr image`. */
function video(name, texts) {
  const pictures = texts.map((t, i) => {
    const png = path.join(dir, `${name}-${i + 1}.png`);
    hoso('qr', 'image', t, '-o', png, '--scale', '4');
    return pngGrey(fs.readFileSync(png));
  });
  const file = path.join(dir, `${name}.y4m`);
  y4m(pictures, file);
  return file;
}

/** Chromium with a fake camera playing `file`, and a page of it on the staff page (the fixed clock,
 *  every request and every line the status line showed recorded, uncaught errors collected). */
async function staffWithCamera(file) {
  const use = test.info().project.use;
  const browser = await chromium.launch({
    ...use.launchOptions,
    args: [...use.launchOptions.args, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`],
  });
  const context = await browser.newContext({ baseURL: use.baseURL, viewport: use.viewport, locale: use.locale });
  await fixClock(context);
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('request', r => requests.push(new URL(r.url()).pathname));
  await page.goto('/staff/');
  await expect(page.locator('h1')).toHaveText('Kiểm tra gói hồ sơ');
  await page.evaluate(() => {
    window.__status = [];
    const s = document.getElementById('qr-status');
    new MutationObserver(() => window.__status.push(s.textContent)).observe(s, { childList: true, subtree: true, characterData: true });
  });
  return { browser, page, errors, requests };
}

test('staff read the counter QR codes off the resident\'s screen with the camera', async () => {
  const { browser, page, errors, requests } = await staffWithCamera(video('good', codes));
  const button = page.getByRole('button', { name: 'Quét bằng máy ảnh' });
  // Nothing of the camera is fetched before it is opened.
  expect(requests.filter(p => /\/staff\/(camera-|jsqr-)/.test(p))).toEqual([]);
  await button.click();
  await expect(page.getByRole('button', { name: 'Dừng' })).toBeVisible();
  // Every code of the package read: the camera stops and the answers are shown, from the QR.
  const verdict = page.locator('#verdict');
  await expect(verdict).toContainText('Các câu trả lời hợp lệ', { timeout: 30_000 });
  await expect(verdict).toContainText('Từ mã QR: không có tệp đính kèm');
  // (The focus moved to the verdict; `toBeFocused` also wants the window focused, which a second
  // browser's page is not.)
  await expect.poll(() => page.evaluate(() => document.activeElement.id)).toBe('verdict');
  const main = page.locator('main');
  await expect(main).toContainText(reference);
  await expect(main).toContainText('Đăng ký khai sinh (1.001193)');
  await expect(page.locator('.declaration')).toContainText('Nguyễn Thị Mai Anh');
  await expect(page.getByRole('button', { name: 'Quét bằng máy ảnh' })).toBeVisible();
  await expect(page.locator('#qr-video')).toHaveCount(0);
  await expect(page.locator('#qr-status')).toBeEmpty();
  // The live status line said what was read so far; the reader was jsQR, fetched on opening.
  const said = await page.evaluate(() => window.__status);
  expect(said).toContain('Hướng máy ảnh vào mã QR “Tại quầy” trên màn hình của người dân, lần lượt từng mã.');
  expect(said).toContain('Đã đọc 1/2 mã QR của gói này; hãy quét các mã còn lại.');
  expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
  await expect(page.locator('#qr-camera')).toHaveAttribute('data-decoder', 'jsqr');
  expect(requests.filter(p => /\/staff\/(camera-[0-9a-f]{16}|jsqr-1\.4\.0)\.js$/.test(p)).length).toBe(2);
  // The camera is off: no track left running.
  expect(await page.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
  await expectAccessible(page, 'staff page, from the camera');
  expect(errors).toEqual([]);
  await browser.close();
});

test('a code read by the camera and one typed by the scanner make the package; the camera stops on Stop', async () => {
  // The video shows the first code only; the camera and the scanner box share what was read.
  const { browser, page, errors } = await staffWithCamera(video('first', codes.slice(0, 1)));
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Scan with the camera' }).click();
  await expect(page.locator('#qr-video')).toHaveCount(1);
  const status = page.locator('#qr-status');
  await expect(status).toHaveText('Read 1/2 QR codes of this package; scan the others.', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('#qr-video')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Scan with the camera' })).toBeVisible();
  await expect(status).toHaveText('Read 1/2 QR codes of this package; scan the others.');
  const box = page.locator('#qr-text');
  await box.fill(codes[1]);
  await box.press('Enter');
  await expect(page.locator('#verdict')).toContainText('The answers are valid under the current rules');
  expect(errors).toEqual([]);
  await browser.close();
});

test('a code with one character changed, read by the camera, is refused with a message', async () => {
  const changed = codes[0].slice(0, -3) + (codes[0].slice(-3, -2) === 'A' ? 'B' : 'A') + codes[0].slice(-2);
  const { browser, page, errors } = await staffWithCamera(video('changed', [changed, codes[1]]));
  await page.getByRole('button', { name: 'Quét bằng máy ảnh' }).click();
  await expect(page.locator('#qr-status')).toHaveText(/^Mã QR đọc chưa đúng \(có thể bị đọc sai một ký tự\)/, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Quét bằng máy ảnh' })).toBeVisible();
  await expect(page.locator('#qr-video')).toHaveCount(0);
  await expect(page.locator('#verdict')).toHaveCount(0);
  expect(errors).toEqual([]);
  await browser.close();
});

test('where the browser has a BarcodeDetector that reads QR codes, it is used and jsQR is not fetched', async () => {
  const { browser, page, errors, requests } = await staffWithCamera(video('detector', codes.slice(0, 1)));
  // A stand-in for the browser's detector: it reads both codes of the package in each frame.
  await page.evaluate(texts => {
    window.BarcodeDetector = class {
      static async getSupportedFormats() { return ['qr_code', 'ean_13']; }
      constructor(o) { if (!o.formats.includes('qr_code')) throw new Error('formats'); }
      async detect(v) { if (!(v instanceof HTMLVideoElement)) throw new Error('source'); return texts.map(rawValue => ({ rawValue })); }
    };
  }, codes);
  await page.getByRole('button', { name: 'Quét bằng máy ảnh' }).click();
  await expect(page.locator('#verdict')).toContainText('Các câu trả lời hợp lệ', { timeout: 30_000 });
  await expect(page.locator('#qr-camera')).toHaveAttribute('data-decoder', 'barcode-detector');
  expect(requests.filter(p => p.includes('/staff/jsqr-'))).toEqual([]);
  expect(errors).toEqual([]);
  await browser.close();
});

test('a refused or missing camera is explained', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = async () => { throw new DOMException('refused', window.__refusal || 'NotAllowedError'); };
  });
  await page.goto('/staff/');
  const status = page.locator('#qr-status');
  await page.getByRole('button', { name: 'Quét bằng máy ảnh' }).click();
  await expect(status).toHaveText('Trang không được phép dùng máy ảnh: hãy cho phép trong cài đặt của trình duyệt rồi bấm lại, hoặc dùng máy quét cầm tay.');
  await expect(page.getByRole('button', { name: 'Quét bằng máy ảnh' })).toBeVisible();
  await page.evaluate(() => { window.__refusal = 'NotFoundError'; });
  await page.getByRole('button', { name: 'Quét bằng máy ảnh' }).click();
  await expect(status).toHaveText('Không mở được máy ảnh (không có, đang bận, hoặc trình duyệt không hỗ trợ). Hãy dùng máy quét cầm tay.');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(status).toHaveText('The camera could not be opened (there is none, it is busy, or the browser cannot use it). Use a handheld scanner.');
  await expect(page.locator('#qr-video')).toHaveCount(0);
  await expectAccessible(page, 'staff page, camera missing');
});
