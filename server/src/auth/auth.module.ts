import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminBootstrap } from './admin-bootstrap.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginLimiter } from './login-limiter.js';
import { TokenService } from './token.service.js';
import { SessionCache } from './session-cache.js';

@Global()
@Module({
  controllers: [AuthController],
  providers: [SessionCache, TokenService, AuthService, LoginLimiter, AdminBootstrap, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [TokenService, AuthGuard, SessionCache],
})
export class AuthModule {}
