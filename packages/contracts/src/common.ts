import { z } from 'zod';

export const ZId = z.uuid();

/** Every error the API returns has this shape; `field` names the offending input when there is one. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export const ZOk = z.object({ ok: z.literal(true) });

export const ZLocale = z.enum(['zh-CN', 'en-US']);
export type TLocale = z.infer<typeof ZLocale>;

/** A trimmed, non-empty string of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();
