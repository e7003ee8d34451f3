import { useRef, type KeyboardEvent } from 'react';
import { Typography } from 'antd';
import type { TPlatform } from '@yunce/contracts';
import { useI18n } from '../../../app/i18n/context';
import { PLATFORM_TYPES, platformName, platformTypeName, platformsOfType } from '../platforms';
import { PLATFORM_COLORS } from './PlatformTag';

/**
 * Platforms as cards grouped by type (综合类 / 垂直类 / 即时通讯 / 其他). A radio group for the
 * keyboard: arrows move and select, Tab leaves.
 */
export function PlatformPicker({
  value,
  onChange,
  autoFocus,
  id,
}: {
  value?: TPlatform;
  onChange?: (platform: TPlatform) => void;
  autoFocus?: boolean;
  id?: string;
}) {
  const { locale, t } = useI18n();
  const refs = useRef(new Map<TPlatform, HTMLButtonElement>());
  const ordered = PLATFORM_TYPES.flatMap((type) => platformsOfType(type));
  const focusable = value ?? ordered[0];

  const move = (event: KeyboardEvent, platform: TPlatform) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const index = ordered.indexOf(platform);
    const next = ordered[(index + step + ordered.length) % ordered.length];
    if (!next) return;
    onChange?.(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div
      role="radiogroup"
      id={id}
      aria-label={t('account.field.platform')}
      data-testid="account-platform"
    >
      {PLATFORM_TYPES.map((type) => {
        const platforms = platformsOfType(type);
        if (platforms.length === 0) return null;
        return (
          <div key={type} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
              {platformTypeName(type, locale)}
            </Typography.Text>
            <div className="yc-platform-grid">
              {platforms.map((platform) => (
                <button
                  key={platform}
                  type="button"
                  role="radio"
                  aria-checked={value === platform}
                  tabIndex={platform === focusable ? 0 : -1}
                  // Only the first card takes focus on a fresh form.
                  autoFocus={autoFocus && platform === focusable}
                  className="yc-platform-card"
                  data-testid={`account-platform-${platform}`}
                  ref={(el) => {
                    if (el) refs.current.set(platform, el);
                    else refs.current.delete(platform);
                  }}
                  onClick={() => onChange?.(platform)}
                  onKeyDown={(e) => move(e, platform)}
                >
                  <span style={{ fontWeight: 500 }}>
                    <span
                      aria-hidden
                      style={{
                        display: 'inline-block',
                        width: 8,
                        height: 8,
                        borderRadius: 4,
                        marginRight: 6,
                        background: PLATFORM_COLORS[platform],
                      }}
                    />
                    {platformName(platform, locale)}
                  </span>
                </button>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
