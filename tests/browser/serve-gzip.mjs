// Serves a built site on 127.0.0.1 with gzip, as a web host would, and prints its URL:
//   node tests/browser/serve-gzip.mjs DIR
// Used by scripts/lighthouse.sh; runs until killed.
import { serve } from './server.mjs';

const { url } = await serve(process.argv[2], { gzip: true });
console.log(url);
