// Phone photos made right: large photos downscaled, EXIF (GPS) stripped with the orientation kept,
// several pages per document reordered and removed, PDFs passed through, undecodable formats
// explained, limits shown before they are reached.
const fs = require('fs');
const JSZip = require('jszip');
const { test, expect, expectAccessible, pressContinue, JPEG, seedAnswers, ANSWERS } = require('./helpers');

/** An EXIF APP1 segment as phones write it: Orientation and a GPS position (21.0285 N). */
function exifSegment(orientation) {
  const t = Buffer.alloc(80);
  t.write('II', 0); t.writeUInt16LE(42, 2); t.writeUInt32LE(8, 4);
  t.writeUInt16LE(2, 8);
  t.writeUInt16LE(0x0112, 10); t.writeUInt16LE(3, 12); t.writeUInt32LE(1, 14); t.writeUInt16LE(orientation, 18);
  t.writeUInt16LE(0x8825, 22); t.writeUInt16LE(4, 24); t.writeUInt32LE(1, 26); t.writeUInt32LE(38, 30);
  t.writeUInt32LE(0, 34);
  t.writeUInt16LE(1, 38);
  t.writeUInt16LE(1, 40); t.writeUInt16LE(2, 42); t.writeUInt32LE(2, 44); t.write('N\0', 48);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), t]);
  const head = Buffer.from([0xFF, 0xE1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A camera-like photo: width × height, white with a red band along the top, with EXIF. */
async function cameraPhoto(page, width, height, orientation) {
  const bytes = await page.evaluate(async ([w, h]) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    g.fillStyle = '#ffffff'; g.fillRect(0, 0, w, h);
    g.fillStyle = '#ff0000'; g.fillRect(0, 0, w, Math.round(h / 5));
    const b = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return Array.from(new Uint8Array(await b.arrayBuffer()));
  }, [width, height]);
  const jpeg = Buffer.from(bytes);
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(orientation), jpeg.subarray(2)]);
}

/** Width and height from a JPEG's SOF segment. */
function jpegSize(b) {
  let i = 2;
  while (i < b.length) {
    const m = b[i + 1];
    const len = b.readUInt16BE(i + 2);
    if (m >= 0xC0 && m <= 0xCF && ![0xC4, 0xC8, 0xCC].includes(m)) return [b.readUInt16BE(i + 7), b.readUInt16BE(i + 5)];
    i += 2 + len;
  }
  return null;
}

/** The attachments page of a procedure with its answers filled in. */
async function openAttachments(page) {
  await page.goto('/');
  await seedAnswers(page, { 'chung-thuc-chu-ky': ANSWERS });
  await page.goto('/p/chung-thuc-chu-ky/attachments');
}

/** Goes on from the attachments page to the done page and opens the downloaded package. */
async function downloadedPackage(page) {
  await pressContinue(page);
  await pressContinue(page);
  await expect(page).toHaveURL(/\/done$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  return JSZip.loadAsync(fs.readFileSync(await download.path()));
}

/** One page of the signed document in the downloaded package. */
async function downloadedPage(page, file) {
  return (await downloadedPackage(page)).file(`documents/giay-to-se-ky/${file}`).async('nodebuffer');
}

test('photos: downscaled, upright, no GPS; pages reordered and removed; PDF kept; HEIC and broken files explained', async ({ page }) => {
  // What the page asks the photo worker: its codec's jobs, and createImageBitmap's options for
  // the canvas, where the codec cannot.
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    window.__decodes = [];
    window.__jobs = [];
    Worker.prototype.postMessage = function (m, t) {
      if (m && m.opts) window.__decodes.push(m.opts);
      if (m && m.codec) window.__jobs.push(m.codec);
      return post.call(this, m, t);
    };
  });
  await openAttachments(page);
  await expect(page.locator('#limits')).toContainText('Mỗi tệp tối đa 10 MB; cả hồ sơ tối đa 50 MB. Đã dùng 0 byte');
  // A 12-megapixel (4032×3024) photo taken with the phone turned (EXIF orientation 6: rotate 90°
  // clockwise).
  const photo = await cameraPhoto(page, 4032, 3024, 6);
  expect(photo.includes(Buffer.from('Exif'))).toBe(true);
  await page.locator('input[name=giay-to-se-ky-camera]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.locator('.file')).toHaveCount(1);
  await expect(page.locator('.file img.thumb')).toHaveCount(1);
  // Redrawn off the page's thread: the photo and its thumbnail by the photo worker, both by its
  // own codec (src/engine/redraw.rs): the photo turned by its orientation (6) to 1500×2000, the
  // preview (of the stored photo, which has no orientation) to 96×128.
  expect(await page.evaluate(() => globalThis.hosoPhotoWorker)).toBe(2);
  expect(await page.evaluate(() => globalThis.hosoPhotoCodec)).toBe(2);
  expect(await page.evaluate(() => window.__jobs)).toEqual([[6, 1500, 2000], [0, 96, 128]]);
  // Where the codec cannot, never decoded at full size by the canvas either: the photo at half
  // size, upright (the JPEG decoder's own 1/2 scale), then drawn down to 1500×2000; its preview
  // at 1/8 of that.
  expect(await page.evaluate(() => window.__decodes)).toEqual([
    { imageOrientation: 'from-image', resizeWidth: 1512, resizeHeight: 2016, resizeQuality: 'low' },
    { imageOrientation: 'from-image', resizeWidth: 188, resizeHeight: 250, resizeQuality: 'low' },
  ]);
  const pdf = Buffer.from('%PDF-1.4\n% scanned page\n');
  await page.locator('input[name=giay-to-se-ky]').setInputFiles([
    { name: 'trang-2.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'trang-3.jpg', mimeType: 'image/jpeg', buffer: JPEG },
  ]);
  await expect(page.locator('.file-name')).toHaveText(['IMG_0001.jpg', 'trang-2.pdf', 'trang-3.jpg']);
  await expect(page.locator('#limits')).not.toContainText('Đã dùng 0 byte');
  await expectAccessible(page, 'attachments with three pages');

  // Reorder: the PDF becomes page 1; remove the small JPEG.
  await page.getByRole('button', { name: /Lên.*trang-2\.pdf/ }).click();
  await expect(page.locator('.file-name')).toHaveText(['trang-2.pdf', 'IMG_0001.jpg', 'trang-3.jpg']);
  await expect(page.locator('.file-page').first()).toHaveText('Trang 1: ');
  await page.getByRole('button', { name: /Xóa.*trang-3\.jpg/ }).click();
  await expect(page.locator('.file-name')).toHaveText(['trang-2.pdf', 'IMG_0001.jpg']);
  // The order is kept on the device.
  await page.reload();
  await expect(page.locator('.file-name')).toHaveText(['trang-2.pdf', 'IMG_0001.jpg']);

  // What the browser cannot use gets a message saying what to do, and nothing is added.
  const input = page.locator('input[name=giay-to-se-ky]');
  await input.setInputFiles({ name: 'IMG_0002.HEIC', mimeType: 'image/heic', buffer: Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'binary') });
  await expect(page.locator('.field-error')).toContainText('HEIC');
  const broken = Buffer.concat([Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0]), Buffer.alloc(200, 7)]);
  await input.setInputFiles({ name: 'hong.jpg', mimeType: 'image/jpeg', buffer: broken });
  await expect(page.locator('.field-error')).toContainText('không mở được ảnh');
  await expect(page.locator('.file')).toHaveCount(2);
  await expectAccessible(page, 'attachments with an error');

  const zip = await downloadedPackage(page);
  const first = await zip.file('documents/giay-to-se-ky/01.pdf').async('nodebuffer');
  expect(first.equals(pdf)).toBe(true);
  const shot = await zip.file('documents/giay-to-se-ky/02.jpg').async('nodebuffer');
  // Upright (turned by the orientation) and at most 2000 px: 3024×4032 → 1500×2000.
  expect(jpegSize(shot)).toEqual([1500, 2000]);
  expect(shot.includes(Buffer.from('Exif'))).toBe(false);
  expect(shot.length).toBeLessThan(photo.length);
  // The red band that was along the top of the sensor is now on the right, as the phone showed it.
  const colours = await page.evaluate(async (bytes) => {
    const blob = new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const at = (x, y) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
    return { right: at(bmp.width - 10, bmp.height / 2), left: at(10, bmp.height / 2) };
  }, Array.from(shot));
  expect(colours.right[0]).toBeGreaterThan(200);
  expect(colours.right[1]).toBeLessThan(80);
  expect(colours.left[1]).toBeGreaterThan(200);
});

test('after a pause the photo worker is let go with its memory, and the next photo starts it again', async ({ page }) => {
  await page.addInitScript(() => { window.hosoPhotoIdleMs = 300; });
  await openAttachments(page);
  const input = page.locator('input[name=giay-to-se-ky-camera]');
  await input.setInputFiles({ name: 'IMG_0006.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page, 3000, 2400, 6) });
  await expect(page.locator('.file img.thumb')).toHaveCount(1);
  expect(await page.evaluate(() => globalThis.hosoPhotoWorkersStarted)).toBe(1);
  await page.waitForTimeout(600);
  await input.setInputFiles({ name: 'IMG_0007.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page, 3000, 2400, 8) });
  await expect(page.locator('.file img.thumb')).toHaveCount(2);
  // A new worker, and its codec drew the photo and its preview again.
  expect(await page.evaluate(() => globalThis.hosoPhotoWorkersStarted)).toBe(2);
  expect(await page.evaluate(() => globalThis.hosoPhotoCodec)).toBe(2);
  const second = await downloadedPage(page, '02.jpg');
  expect(jpegSize(second)).toEqual([1600, 2000]);
});

// The service worker would answer the worker's fetch of the codec from its cache, past the route.
test('a page kept by an older build (its bytes, not a Blob) is restored, counted and packaged as it was', async ({ page }) => {
  await openAttachments(page);
  await expect(page.locator('h1')).toBeVisible();
  // The first builds stored the bytes themselves in the page's record (version 1 of the store).
  await page.evaluate(async (bytes) => {
    const db = await new Promise(r => { const q = indexedDB.open('hoso'); q.onsuccess = () => r(q.result); });
    await new Promise((resolve, reject) => {
      const tx = db.transaction('attachments', 'readwrite');
      tx.objectStore('attachments').put({ key: 41, procedure: 'chung-thuc-chu-ky', document_id: 'giay-to-se-ky', name: 'cu.jpg', media: 'image/jpeg', bytes: new Uint8Array(bytes) }, 'chung-thuc-chu-ky/41');
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }, Array.from(JPEG));
  await page.reload();
  await expect(page.locator('.file-name')).toHaveText(['cu.jpg']);
  await expect(page.locator('#limits')).toContainText(`Đã dùng ${JPEG.length} byte`);
  expect((await downloadedPage(page, '01.jpg')).equals(JPEG)).toBe(true);
});

test('a page the device cannot read back is named, on the review page and when saving the draft to a file', async ({ page }) => {
  await openAttachments(page);
  const pdf = Buffer.from('%PDF-1.4\n% a page whose storage is damaged\n');
  await page.locator('input[name=giay-to-se-ky]').setInputFiles({ name: 'hong-trang.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.locator('.file-name')).toHaveText(['hong-trang.pdf']);
  // The page's Blob can no longer be read (its storage damaged, or the site's data cleared).
  const damage = (size) => {
    const read = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function () { return this.size === size ? Promise.reject(new Error('gone')) : read.call(this); };
  };
  await page.evaluate(damage, pdf.length);
  await pressContinue(page);
  await expect(page).toHaveURL(/\/review$/);
  await pressContinue(page);
  const said = 'Không đọc lại được trang “hong-trang.pdf” đã lưu trên thiết bị này';
  await expect(page.getByText(said)).toBeVisible();
  await expect(page).toHaveURL(/\/review$/);
  await page.goto('/');
  await page.evaluate(damage, pdf.length);
  await page.getByRole('button', { name: 'Lưu ra tệp' }).click();
  await expect(page.locator('.draft .field-error')).toContainText(said);
});

test.describe(() => {
  test.use({ serviceWorkers: 'block' });
  test('where the codec cannot load, the photo worker draws photos on its canvas', async ({ page }) => {
    await page.route('**/photo-codec.wasm', (route) => route.abort());
    await openAttachments(page);
    const photo = await cameraPhoto(page, 4032, 3024, 8);
    await page.locator('input[name=giay-to-se-ky-camera]').setInputFiles({ name: 'IMG_0004.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect(page.locator('.file img.thumb')).toHaveCount(1);
    expect(await page.evaluate(() => globalThis.hosoPhotoWorker)).toBe(2);
    expect(await page.evaluate(() => globalThis.hosoPhotoCodec)).toBe(0);
    const shot = await downloadedPage(page, '01.jpg');
    expect(jpegSize(shot)).toEqual([1500, 2000]);
    expect(shot.includes(Buffer.from('Exif'))).toBe(false);
  });
});

test('without workers, photos are still redrawn upright and small, on the page', async ({ page }) => {
  await page.addInitScript(() => { delete window.Worker; });
  await openAttachments(page);
  const photo = await cameraPhoto(page, 3000, 2400, 6);
  await page.locator('input[name=giay-to-se-ky-camera]').setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.locator('.file img.thumb')).toHaveCount(1);
  expect(await page.evaluate(() => globalThis.hosoPhotoWorker)).toBeUndefined();
  const shot = await downloadedPage(page, '01.jpg');
  expect(jpegSize(shot)).toEqual([1600, 2000]);
  expect(shot.includes(Buffer.from('Exif'))).toBe(false);
});
