// A camera-like photo for the photo benchmarks (photo_bench.js, codec_bench.js): width × height,
// detailed enough that JPEG does not make it trivially small (coloured blocks and lines of
// Vietnamese text), drawn by Chromium in `page` and encoded at quality 0.92. Returns the JPEG.
async function cameraPhoto(page, width, height, seed) {
  const bytes = await page.evaluate(async ([w, h, seed]) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    let s = seed * 7919 + 1;
    const rnd = () => ((s = (s * 48271) % 2147483647) / 2147483647);
    for (let k = 0; k < 3000; k++) {
      g.fillStyle = `hsl(${rnd() * 360},${30 + rnd() * 50}%,${30 + rnd() * 50}%)`;
      g.fillRect(rnd() * w, rnd() * h, 20 + rnd() * 300, 20 + rnd() * 200);
    }
    g.fillStyle = '#000'; g.font = '48px sans-serif';
    for (let y = 60; y < h; y += 70) g.fillText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập – Tự do – Hạnh phúc ' + y, 40, y);
    const b = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    return Array.from(new Uint8Array(await b.arrayBuffer()));
  }, [width, height, seed]);
  return Buffer.from(bytes);
}

module.exports = { cameraPhoto };
