// Serves examples/ at http://localhost:8081/partner.html: a partner's page on
// another origin than the widget (run `scripts/serve` first, which serves
// the widget at http://127.0.0.1:8080/).
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../tests/e2e/server.mjs';

const root = fileURLToPath(new URL('../examples/', import.meta.url));
const server = await serveStatic(root, { host: 'localhost', port: 8081 });
console.log(`Partner page: ${server.url}partner.html`);
