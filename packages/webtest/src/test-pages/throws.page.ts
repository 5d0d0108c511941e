// Logs a console error, then fails inside report(): runInBrowser must surface both.
import { report } from '../page';

report(() => {
  console.error('something went wrong before the throw');
  throw new Error('deliberate failure in the page');
});
