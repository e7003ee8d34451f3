import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { TLocale } from '@yunce/contracts';

/** A request part that did not match its schema; the error handler turns it into field errors. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super(issues.map((i) => `${i.path.join('.') || part}: ${i.message}`).join('; '));
    this.name = 'RequestValidationError';
  }
}

/**
 * Validates params, query and body with their zod schemas, keeping the offending input on each
 * issue so messages can be worded again in the caller's language.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };

const en = z.locales.en();
const zh = z.locales.zhCN();

function wording(
  locale: { localeError: z.core.$ZodErrorMap },
  issue: z.core.$ZodIssue,
): string | undefined {
  const r = locale.localeError(issue as Parameters<z.core.$ZodErrorMap>[0]);
  return typeof r === 'string' ? r : r?.message;
}

/**
 * Field errors in the caller's language: zod's standard wording is translated, while messages a
 * schema wrote itself (e.g. "unknown time zone") are kept as they are.
 */
export function fieldErrors(
  err: RequestValidationError,
  locale: TLocale,
): { field: string; message: string }[] {
  return err.issues.map((issue) => {
    let message = issue.message;
    if (locale === 'zh-CN' && message === wording(en, issue))
      message = wording(zh, issue) ?? message;
    return { field: issue.path.map(String).join('.') || err.part, message };
  });
}
