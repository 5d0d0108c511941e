// Exercises @seg/tensor's browser entry (decode, <img>, ImageData, canvas) and its pure image code in Chromium.
import { createImage, IMAGENET_MEAN, IMAGENET_STD, imageToNchw, resizeImage } from '@seg/tensor';
import { decodeImageBytes, imageFromSource, imageToImageData } from '@seg/tensor/browser';
import { fetchFile, fileUrl, report, upload } from '../page';

report(async () => {
  // 1. bytes -> createImageBitmap -> canvas
  const decoded = await decodeImageBytes(await fetchFile('noise.png'), { channels: 3, label: 'noise.png' });
  await upload('decoded', decoded.data);

  // 2. an <img> element after it loaded
  const el = new Image();
  el.src = fileUrl('noise.png');
  await el.decode();
  await upload('element', imageFromSource(el, { channels: 3 }).data);

  // 3. ImageData -> OffscreenCanvas -> back
  const canvas = new OffscreenCanvas(decoded.width, decoded.height);
  canvas.getContext('2d')!.putImageData(imageToImageData(decoded), 0, 0);
  await upload('canvas', imageFromSource(canvas, { channels: 3 }).data);

  // 4. EXIF orientation
  const rotated = await decodeImageBytes(await fetchFile('rotated.jpg'), { channels: 3 });
  const px = (x: number, y: number) => Array.from(rotated.data.subarray((y * rotated.width + x) * 3, (y * rotated.width + x) * 3 + 3));

  // 5. corrupt bytes and the pixel limit
  const errors: string[] = [];
  await decodeImageBytes(await fetchFile('junk.bin'), { label: 'junk.bin' }).catch((e: Error) => errors.push(e.message));
  await decodeImageBytes(await fetchFile('noise.png'), { label: 'noise.png', maxPixels: 100 }).catch((e: Error) => errors.push(e.message));
  try { imageFromSource(createImage(0, 0, 4) as unknown as CanvasImageSource, { label: 'empty' }); } catch (e) { errors.push((e as Error).message); }

  // 6. the pure-TypeScript image code gives the same bytes/floats as in node
  await upload('resized', resizeImage(decoded, { width: 40, height: 30 }).data);
  const nchw = imageToNchw(decoded, { mean: IMAGENET_MEAN, std: IMAGENET_STD });
  await upload('nchw', new Uint8Array(nchw.data.buffer));

  return { size: [decoded.width, decoded.height], rotated: { size: [rotated.width, rotated.height], top: px(4, 2), bottom: px(4, 13) }, errors };
});
