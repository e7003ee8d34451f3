import { Tag } from 'antd';
import type { TPlatform } from '@yunce/contracts';
import { useI18n } from '../../../app/i18n/context';
import { platformName } from '../platforms';

/** Brand-ish colours so platforms are told apart at a glance in long tables. */
export const PLATFORM_COLORS: Record<TPlatform, string> = {
  wechat_oa: '#07c160',
  wechat_channels: '#fa9d3b',
  weibo: '#e6162d',
  douyin: '#161823',
  xiaohongshu: '#ff2442',
  bilibili: '#fb7299',
  kuaishou: '#ff4906',
  zhihu: '#0066ff',
  community: '#2aae67',
  other: '#8c8c8c',
};

export function PlatformTag({ platform }: { platform: TPlatform }) {
  const { locale } = useI18n();
  return (
    <Tag color={PLATFORM_COLORS[platform]} data-testid={`platform-tag-${platform}`}>
      {platformName(platform, locale)}
    </Tag>
  );
}
