import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

/** The authenticated caller as every service sees it. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  teamId: string | null;
  managerId: string | null;
  locale: string | null;
  via: 'jwt' | 'apiKey';
  apiKeyId?: string;
}

export const IS_PUBLIC = 'loom:public';
export const ADMIN_ONLY = 'loom:adminOnly';

/** Marks a route as reachable without credentials. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Marks a route as admin-only (403 otherwise). */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

export const User = createParamDecorator((_: unknown, ctx: ExecutionContext): CurrentUser => ctx.switchToHttp().getRequest().user);

export const isAdmin = (u: CurrentUser): boolean => u.roles.includes('admin');
