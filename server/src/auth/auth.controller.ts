import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { parseBody } from '../common/parse-body.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, Public, User } from './current-user.js';

const loginSchema = {
  type: 'object', additionalProperties: false, required: ['email', 'password'],
  properties: { email: { type: 'string', minLength: 1, maxLength: 320 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
};
const apiKeySchema = {
  type: 'object', additionalProperties: false, required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 200 } },
};

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown, @Req() req: FastifyRequest) {
    const { email, password } = parseBody<{ email: string; password: string }>(loginSchema, body);
    return this.auth.login(email, password, req.ip);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@User() user: CurrentUser) {
    return this.auth.me(user);
  }

  @ApiBearerAuth()
  @Get('api-keys')
  listKeys(@User() user: CurrentUser) {
    return this.auth.listApiKeys(user);
  }

  @ApiBearerAuth()
  @Post('api-keys')
  createKey(@User() user: CurrentUser, @Body() body: unknown) {
    return this.auth.createApiKey(user, parseBody<{ name: string }>(apiKeySchema, body).name);
  }

  @ApiBearerAuth()
  @Delete('api-keys/:id')
  @HttpCode(204)
  revokeKey(@User() user: CurrentUser, @Param('id') id: string) {
    return this.auth.revokeApiKey(user, id);
  }
}
