/** Staff: login, who am I, users. */
import { z } from '@hono/zod-openapi';
import { NOTHING_TO_CHANGE, Role, changesSomething, int, name } from './common';

export const LoginBody = z
  .object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) })
  .strict()
  .openapi('LoginBody');

export const Me = z.object({ id: int(), email: z.string(), name: z.string(), role: Role }).openapi('Me');

export const User = Me.extend({ phone: z.string(), active: z.boolean(), createdAt: z.string() }).openapi('User');

const phone = z
  .string()
  .trim()
  .max(50)
  .regex(/^[0-9+()\-.\s]*$/, 'digits, spaces, + ( ) - only')
  .openapi({ description: 'shown to customers on estimates and e-mails' });

export const NewUserBody = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    name: name(),
    role: Role,
    phone: phone.optional(),
    password: z.string().min(10, 'at least 10 characters').max(1024),
  })
  .strict()
  .openapi('NewUserBody');

export const UserPatchBody = z
  .object({
    name: name().optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
    phone: phone.optional(),
    password: z.string().min(10).max(1024).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .openapi('UserPatchBody');
