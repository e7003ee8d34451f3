import { Avatar } from 'antd';
import type { TAccount } from '@yunce/contracts';
import { PLATFORM_COLORS } from './PlatformTag';

/** The uploaded avatar, or the first character of the name on the platform's colour. */
export function AccountAvatar({ account, size = 32 }: { account: TAccount; size?: number }) {
  if (account.avatarUrl) {
    const separator = account.avatarUrl.includes('?') ? '&' : '?';
    // The URL stays the same across uploads; the update time makes the browser fetch the new one.
    const src = `${account.avatarUrl}${separator}v=${encodeURIComponent(account.updatedAt)}`;
    return <Avatar src={src} size={size} alt={account.name} />;
  }
  return (
    <Avatar size={size} style={{ background: PLATFORM_COLORS[account.platform] }}>
      {Array.from(account.name)[0] ?? '?'}
    </Avatar>
  );
}
