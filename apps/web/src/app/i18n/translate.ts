/** Values substituted into `{name}` placeholders of a message. */
export type MessageVars = Record<string, string | number>;

/** Replaces `{name}` placeholders; unknown placeholders stay visible so a missing var is noticed. */
export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** Looks a key up in a dictionary and fills its placeholders. */
export function translate<K extends string>(
  messages: Record<K, string>,
  key: K,
  vars?: MessageVars,
): string {
  return interpolate(messages[key], vars);
}
