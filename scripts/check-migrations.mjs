// Fails when the tables files and the committed migrations disagree: generating again must
// produce nothing new. Used by CI; run `npm run db:generate` to create the missing migration.
import { execFileSync } from 'node:child_process';

const dir = 'apps/server/src/migrations';
const before = execFileSync('git', ['status', '--porcelain', '--', dir], { encoding: 'utf8' });
if (before.trim()) {
  console.error(`Uncommitted changes in ${dir}; commit them first:\n${before}`);
  process.exit(1);
}
const out = execFileSync('npx', ['drizzle-kit', 'generate', '--config', 'apps/server/drizzle.config.ts'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const after = execFileSync('git', ['status', '--porcelain', '--', dir], { encoding: 'utf8' });
if (after.trim()) {
  console.error(`The tables changed without a migration. drizzle-kit generated:\n${after}`);
  // Leave the working tree as it was.
  execFileSync('git', ['checkout', '--', dir]);
  execFileSync('git', ['clean', '-fdq', '--', dir]);
  process.exit(1);
}
console.log(out.trim().split('\n').at(-1));
console.log('Migrations match the tables.');
