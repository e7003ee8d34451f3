import { Progress, Tooltip } from 'antd';
import { useT } from '../../../app/i18n/context';
import { scoreLevel } from '../utils/account-form';

const COLORS = { good: '#52c41a', fair: '#faad14', poor: '#ff4d4f' } as const;

/** The profile check score as a coloured ring (green ≥ 80, amber ≥ 60, red below). */
export function ProfileScore({ score, size = 40 }: { score: number; size?: number }) {
  const t = useT();
  const level = scoreLevel(score);
  return (
    <Tooltip title={t(`account.score.${level}`)}>
      <Progress
        type="circle"
        percent={score}
        size={size}
        strokeColor={COLORS[level]}
        format={(value) => <span data-testid="profile-score-value">{value}</span>}
        aria-label={t('account.score.aria', { score })}
      />
    </Tooltip>
  );
}
