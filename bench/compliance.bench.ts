/**
 * Compliance-engine benchmark: rule-file validation, engine build (built-in rules, and with a
 * 1,000-word workspace list) and per-post check latency for 500-character posts with every rule
 * set on. Posts are generated from a fixed seed so runs are comparable.
 */
import absoluteTerms from '../packages/core/rules/absolute-terms.json';
import {
  BUILT_IN_RULE_SETS,
  createComplianceEngine,
  loadRuleSet,
  type TComplianceEngine,
} from '../packages/core/src/compliance/index';

const POST_CHARS = 500;
const POSTS = 2_000;
const BUILD_RUNS = 30;
const TARGETS = { buildMs: 10, p99Ms: 1 };

/** Sentences an operator might write; some carry findings, most do not. */
const SENTENCES = [
  '今天给大家分享一款我最近在用的面霜，质地很清爽，',
  '早上出门前涂一层，一整天都不会觉得闷，',
  '这是我们第一次推出这个系列，包装也很用心，',
  '本品最佳食用时间为开封后3天，请冷藏保存，',
  '全网最低价，错过再等一年！',
  '想要同款的姐妹可以加V：abc123，',
  '关注后才能领取优惠券哦，',
  '门店支持扫码点餐，环境很安静，',
  '📷 拍照很出片，周末人比较多，建议提前预约，',
  '价格是 99 元，性价比很高，',
  '咖啡豆来自云南保山，口感偏甜，',
  '#好物分享 #咖啡 #探店 ',
  '最*好喝的一杯拿铁就在这里，',
  '详情可以看 https://t.cn/AbC123 ，',
  '适合敏感肌，无副作用，',
  '唯一的缺点是有点贵，',
];

/** mulberry32, as in the matcher bench. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makePosts(): string[] {
  const rand = seeded(0x5eed);
  const posts: string[] = [];
  for (let i = 0; i < POSTS; i++) {
    let post = '';
    while (post.length < POST_CHARS) post += SENTENCES[Math.floor(rand() * SENTENCES.length)]!;
    posts.push(post.slice(0, POST_CHARS));
  }
  return posts;
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? Number.NaN;
}

function timeBuild(build: () => unknown): { coldMs: number; medianMs: number } {
  const t0 = process.hrtime.bigint();
  build();
  const coldMs = ms(t0);
  const times: number[] = [];
  for (let i = 0; i < BUILD_RUNS; i++) {
    const t = process.hrtime.bigint();
    build();
    times.push(ms(t));
  }
  times.sort((a, b) => a - b);
  return { coldMs, medianMs: percentile(times, 0.5) };
}

function latencies(posts: readonly string[], run: (post: string) => unknown): number[] {
  for (const post of posts) run(post); // warm-up: let the JIT settle
  const out: number[] = [];
  for (const post of posts) {
    const t0 = process.hrtime.bigint();
    run(post);
    out.push(ms(t0));
  }
  return out.sort((a, b) => a - b);
}

/** Runs the benchmark and prints build times and p50/p99 check latency against the targets. */
export async function runComplianceBench(): Promise<void> {
  const posts = makePosts();
  const ruleCount = BUILT_IN_RULE_SETS.reduce((n, s) => n + s.rules.length, 0);
  const termCount = BUILT_IN_RULE_SETS.reduce(
    (n, s) =>
      n +
      s.rules.reduce((m, r) => m + (r.kind === 'terms' ? r.terms.length : 0), 0) +
      s.exemptions.reduce((m, e) => m + e.phrases.length, 0),
    0,
  );

  const validate = timeBuild(() => loadRuleSet(absoluteTerms, 'absolute-terms.json'));
  let engine: TComplianceEngine = createComplianceEngine(BUILT_IN_RULE_SETS);
  const build = timeBuild(() => {
    engine = createComplianceEngine(BUILT_IN_RULE_SETS);
  });
  const bannedWords = Array.from({ length: 1_000 }, (_, i) => `禁用词${i.toString(36)}号`);
  const buildWs = timeBuild(() => createComplianceEngine(BUILT_IN_RULE_SETS, { bannedWords }));

  const checkTimes = latencies(posts, (post) => engine.check(post, { platform: 'xiaohongshu' }));
  const postTimes = latencies(posts, (post) =>
    engine.checkPost({
      title: post.slice(0, 24),
      body: post,
      hashtags: ['#好物分享', '#咖啡'],
      platform: 'xiaohongshu',
      sponsored: true,
    }),
  );
  const findings = posts.reduce(
    (n, post) => n + engine.check(post, { platform: 'xiaohongshu' }).findings.length,
    0,
  );

  const f = (v: number): string => v.toFixed(3);
  console.log(
    `built-in rules: ${BUILT_IN_RULE_SETS.length} files, ${ruleCount} rules, ${termCount} terms + exemption phrases`,
  );
  console.log(`validate absolute-terms.json (zod): median ${f(validate.medianMs)} ms`);
  console.log(
    `build engine (built-ins):          cold ${f(build.coldMs)} ms, median ${f(build.medianMs)} ms (target ≤ ${TARGETS.buildMs})`,
  );
  console.log(
    `build engine (+1,000 banned words): cold ${f(buildWs.coldMs)} ms, median ${f(buildWs.medianMs)} ms`,
  );
  console.log(
    `check(500 chars, xiaohongshu):      p50 ${f(percentile(checkTimes, 0.5))} ms, p99 ${f(percentile(checkTimes, 0.99))} ms, max ${f(checkTimes[checkTimes.length - 1]!)} ms (target p99 ≤ ${TARGETS.p99Ms})`,
  );
  console.log(
    `checkPost(title+body+2 tags):       p50 ${f(percentile(postTimes, 0.5))} ms, p99 ${f(percentile(postTimes, 0.99))} ms`,
  );
  console.log(`findings: ${(findings / posts.length).toFixed(1)} per post on average`);
  await Promise.resolve();
}
