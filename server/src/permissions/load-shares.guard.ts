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

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const request = ctx.switchToHttp().getRequest<{ user?: CurrentUser; url?: string }>();
    if (request.user && request.url?.startsWith('/api/records/') && !this.permissions.compiled(request.user.roles).admin) {
      this.holder.attach(request.user, await this.shares.sharedWith(request.user));
    }
    return true;
  }
}
