/**
 * The evidence of an anomaly at a glance: the recent values it was judged against (grey), their
 * median (dashed) and the day itself (a red or green dot). Plain SVG: no chart library for 120×28.
 */
export function Sparkline({
  values,
  point,
  baseline,
  width = 120,
  height = 28,
  label,
}: {
  values: readonly number[];
  point: number | null;
  baseline: number | null;
  width?: number;
  height?: number;
  label: string;
}) {
  const all = [
    ...values,
    ...(point !== null ? [point] : []),
    ...(baseline !== null ? [baseline] : []),
  ];
  if (values.length < 2 || all.length === 0) return null;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const n = values.length + (point !== null ? 1 : 0);
  const x = (i: number) => (i / Math.max(1, n - 1)) * (width - 4) + 2;
  const y = (v: number) => height - 2 - ((v - min) / span) * (height - 4);
  const line = values
    .map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`)
    .join(' ');
  const up = point !== null && baseline !== null && point > baseline;
  return (
    <svg width={width} height={height} role="img" aria-label={label} data-testid="alert-sparkline">
      {baseline !== null ? (
        <line
          x1={2}
          x2={width - 2}
          y1={y(baseline)}
          y2={y(baseline)}
          stroke="#bfbfbf"
          strokeDasharray="3 3"
        />
      ) : null}
      <path d={line} fill="none" stroke="#8c8c8c" strokeWidth={1.5} />
      {point !== null ? (
        <>
          <line
            x1={x(n - 2)}
            y1={y(values[values.length - 1] ?? point)}
            x2={x(n - 1)}
            y2={y(point)}
            stroke={up ? '#52c41a' : '#f5222d'}
            strokeWidth={1.5}
          />
          <circle cx={x(n - 1)} cy={y(point)} r={3} fill={up ? '#52c41a' : '#f5222d'} />
        </>
      ) : null}
    </svg>
  );
}
