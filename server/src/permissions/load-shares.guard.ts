import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { PermissionsService } from './permissions.service.js';
import { RecordShareService } from './record-share.service.js';
import { RequestShares } from './request-shares.js';

/**
 * Loads the records shared with the caller before a records request, once per request; not for
 * admins, whose scopes are unrestricted and take no share ids. A global guard registered after the
 * auth guard (AuthModule is imported first), so the user is known; a guard, not an interceptor,
 * so requests do not pay for an rxjs pipeline. Never refuses: without shares a user gets less access.
 */
@Injectable()
export class LoadSharesGuard implements CanActivate {
  constructor(private readonly shares: RecordShareService, private readonly holder: RequestShares, private readonly permissions: PermissionsService) {}

  canActivate(ctx: ExecutionContext): boolean | Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const request = ctx.switchToHttp().getRequest<{ user?: CurrentUser; url?: string }>();
    const loading = request.user && request.url?.startsWith('/api/records/') ? this.attach(request.user) : undefined;
    return loading ? loading.then(() => true) : true;
  }

  /** Attaches the caller's shares for a records request; undefined (nothing to wait for) for admins. */
  attach(user: CurrentUser): Promise<void> | undefined {
    if (this.permissions.compiled(user.roles).admin) return undefined;
    return this.shares.sharedWith(user).then((shares) => this.holder.attach(user, shares));
  }
}
