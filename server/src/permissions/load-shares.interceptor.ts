import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { CurrentUser } from '../auth/current-user.js';
import { PermissionsService } from './permissions.service.js';
import { RecordShareService } from './record-share.service.js';
import { RequestShares } from './request-shares.js';

/**
 * Loads the records shared with the caller before a records request (after the auth guard), once per
 * request; not for admins, whose scopes are unrestricted and take no share ids.
 */
@Injectable()
export class LoadSharesInterceptor implements NestInterceptor {
  constructor(private readonly shares: RecordShareService, private readonly holder: RequestShares, private readonly permissions: PermissionsService) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (ctx.getType() === 'http') {
      const request = ctx.switchToHttp().getRequest<{ user?: CurrentUser; url?: string }>();
      if (request.user && request.url?.startsWith('/api/records/') && !this.permissions.compiled(request.user.roles).admin) {
        this.holder.attach(request.user, await this.shares.sharedWith(request.user));
      }
    }
    return next.handle();
  }
}
