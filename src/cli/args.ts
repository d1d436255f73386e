import type { z } from 'zod';
import { AppError, issuesFromZod } from '../kernel/index.js';

/** Validates one command-line value with the same schema the API uses. */
export function parseArg<S extends z.ZodType>(schema: S, value: unknown, name: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = issuesFromZod(result.error.issues, name);
    throw new AppError('validation_failed', `${name} ${issues.map((i) => i.message).join('; ')}`, {
      issues,
    });
  }
  return result.data;
}
