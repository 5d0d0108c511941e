// Echoes its input and a served file's bytes (also uploaded reversed), and logs to the console.
import { fetchFile, input, report, upload } from '../page';

report(async () => {
  const bytes = await fetchFile('data.bin');
  await upload('echo', bytes.slice().reverse());
  console.log('echo page ran');
  return { input: input(), bytes: Array.from(bytes), sab: typeof SharedArrayBuffer };
});
