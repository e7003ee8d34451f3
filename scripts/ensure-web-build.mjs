// Builds the web app when it is missing or older than its sources, so `npm start` is quick after
// the first run and never serves a stale UI.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'apps/web/dist/index.html');
const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src', 'packages/core/src'];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(full)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const built = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
const latest = Math.max(...sources.map(newest));
if (built >= latest) {
  console.log('Web app is up to date.');
} else {
  console.log('Building the web app…');
  execSync('npm run build -w @yunce/web', { cwd: root, stdio: 'inherit' });
}
