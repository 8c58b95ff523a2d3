import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { diffMetadata, getSchema, SECTION_OF_KIND, DOCUMENT_KINDS, type DocumentKind, type MetadataKind, type MetadataSet, type ObjectDef } from '@loom/metadata';
import type { FastifyReply } from 'fastify';
import { AdminOnly, CurrentUser, User, isAdmin } from '../auth/current-user.js';
import { badRequest, notFound, ProblemError } from '../common/problem.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { whereUsed } from './where-used.js';
import { MetadataLayers } from './metadata-layers.js';
import { withDocumentPaths } from './document-paths.js';
import { MetadataPublisher, type PublishResult } from './metadata-publisher.service.js';
import { MetadataRegistry } from './metadata-registry.service.js';
import { MetadataStore } from './metadata-store.js';
import { visibleMetadata } from './visible-metadata.js';
import { maskSecrets } from './mask-secrets.js';
import * as writes from './metadata-writes.js';

interface WriteQuery { dryRun?: string; plan?: string; purge?: string }

const SECTIONS = Object.values(SECTION_OF_KIND) as string[];
const KIND_OF_SECTION = Object.fromEntries(Object.entries(SECTION_OF_KIND).map(([k, s]) => [s, k])) as Record<string, MetadataKind>;

function writeOptions(query: WriteQuery & Record<string, unknown>, allowPurge = false) {
  const unknown = Object.keys(query).filter((k) => !['dryRun', 'plan', ...(allowPurge ? ['purge'] : [])].includes(k));
  if (unknown.length) throw badRequest(`Unknown query parameter(s): ${unknown.join(', ')}`, unknown.map((k) => ({ path: `/query/${k}`, message: 'is not a known parameter' })));
  const flag = (name: 'dryRun' | 'purge') => {
    const v = query[name];
    if (v === undefined || v === 'false') return false;
    if (v === 'true' || v === '') return true;
    throw badRequest(`${name} must be true or false`, [{ path: `/query/${name}`, message: 'must be true or false' }]);
  };
  if (query.plan !== undefined && !/^[0-9a-f]{64}$/.test(query.plan)) throw badRequest('plan must be a plan hash', [{ path: '/query/plan', message: 'must be a 64-character hex hash' }]);
  return { dryRun: flag('dryRun'), purge: allowPurge ? flag('purge') : false, planHash: query.plan };
}

function sectionKind(section: string): MetadataKind {
  const kind = KIND_OF_SECTION[section];
  if (!kind) throw notFound(`No metadata kind ${section}; kinds are ${SECTIONS.join(', ')}`);
  return kind;
}

@ApiTags('metadata')
@ApiBearerAuth()
@Controller('metadata')
export class MetadataController {
  constructor(
    private readonly registry: MetadataRegistry, private readonly publisher: MetadataPublisher, private readonly store: MetadataStore,
    private readonly layers: MetadataLayers, private readonly permissions: PermissionsService,
  ) {}

  /** The effective metadata as this caller may see it (admins: everything but archived definitions). */
  private visible(user: CurrentUser): MetadataSet {
    return maskSecrets(visibleMetadata(this.registry.current().set, user, this.permissions.metadataMask(user)));
  }

  @Get()
  all(@User() user: CurrentUser) {
    const rev = this.registry.current();
    return { revision: rev.number, hash: rev.hash, ...this.visible(user) };
  }

  @Get('schemas/:kind')
  schema(@Param('kind') kind: string) {
    const k = (kind.endsWith('s') && KIND_OF_SECTION[kind] ? KIND_OF_SECTION[kind] : kind) as DocumentKind;
    if (!DOCUMENT_KINDS.includes(k)) throw notFound(`No schema for ${kind}; kinds are ${DOCUMENT_KINDS.join(', ')}`);
    return getSchema(k);
  }

  @Get('revisions')
  @AdminOnly()
  revisions() {
    return this.store.list();
  }

  @Get('revisions/:n')
  @AdminOnly()
  async revision(@Param('n') n: string) {
    const row = /^\d{1,9}$/.test(n) ? await this.store.get(Number(n)) : null;
    if (!row) throw notFound(`No revision ${n}`);
    const prev = row.number > 1 ? await this.store.get(row.number - 1) : null;
    return { number: row.number, hash: row.hash, author: row.author, message: row.message, createdAt: row.createdAt, document: maskSecrets(row.document), diff: diffMetadata(maskSecrets(prev?.document ?? emptySet()), maskSecrets(row.document)) };
  }

  @Get('export')
  @AdminOnly()
  export() {
    const rev = this.registry.current();
    return { format: 'loom-metadata-bundle', version: 1, revision: rev.number, hash: rev.hash, adminLayer: maskSecrets(rev.adminLayer) };
  }

  @Post('import')
  @AdminOnly()
  @HttpCode(200)
  import(@User() user: CurrentUser, @Body() body: { adminLayer?: MetadataSet }, @Query() query: WriteQuery) {
    if (!body?.adminLayer || typeof body.adminLayer !== 'object') throw badRequest('Body must be a bundle from GET /api/metadata/export', [{ path: '/adminLayer', message: 'is required' }]);
    const layer = { ...emptySet(), ...body.adminLayer };
    return this.publish(user, writes.replaceAdminLayer(layer), 'import metadata bundle', writeOptions(query as never));
  }

  @Get(':kind')
  list(@User() user: CurrentUser, @Param('kind') section: string) {
    sectionKind(section);
    return (this.visible(user) as unknown as Record<string, unknown>)[section];
  }

  @Get(':kind/:name')
  one(@User() user: CurrentUser, @Param('kind') section: string, @Param('name') name: string) {
    sectionKind(section);
    const set = isAdmin(user) ? maskSecrets(this.registry.current().set) : this.visible(user);
    const def = (set as unknown as Record<string, Record<string, unknown>>)[section][name];
    if (!def) throw notFound(`No ${section.slice(0, -1)} ${name}`);
    return def;
  }

  @Post('objects')
  @AdminOnly()
  async createObject(@User() user: CurrentUser, @Body() body: ObjectDef, @Query() query: WriteQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await withDocumentPaths(`/objects/${body?.name}`, () => this.publish(user, writes.createObject(body), `create object ${body?.name}`, writeOptions(query as never)));
    reply.status(result.applied ? 201 : 200);
    return result.applied ? { object: result.set.objects[body.name], plan: result.plan, revision: result.revision } : { plan: result.plan };
  }

  @Patch('objects/:name')
  @AdminOnly()
  async patchObject(@User() user: CurrentUser, @Param('name') name: string, @Body() body: Record<string, unknown>, @Query() query: WriteQuery) {
    const result = await withDocumentPaths(`/objects/${name}`, () => this.publish(user, writes.patchObject(name, body ?? {}), `update object ${name}`, writeOptions(query as never)));
    return result.applied ? { object: result.set.objects[name], plan: result.plan, revision: result.revision } : { plan: result.plan };
  }

  @Post('objects/:name/fields')
  @AdminOnly()
  async addField(@User() user: CurrentUser, @Param('name') name: string, @Body() body: { name: string }, @Query() query: WriteQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await withDocumentPaths(`/objects/${name}/fields/${body?.name}`, () => this.publish(user, writes.addField(name, body ?? {}), `add field ${name}.${body?.name}`, writeOptions(query as never)));
    reply.status(result.applied ? 201 : 200);
    return result.applied ? { field: result.set.objects[name].fields[body.name], plan: result.plan, revision: result.revision } : { plan: result.plan };
  }

  @Patch('objects/:name/fields/:field')
  @AdminOnly()
  async patchField(@User() user: CurrentUser, @Param('name') name: string, @Param('field') field: string, @Body() body: Record<string, unknown>, @Query() query: WriteQuery) {
    const result = await withDocumentPaths(`/objects/${name}/fields/${field}`, () => this.publish(user, writes.patchField(name, field, body ?? {}), `update field ${name}.${field}`, writeOptions(query as never)));
    return result.applied ? { field: result.set.objects[name].fields[field], plan: result.plan, revision: result.revision } : { plan: result.plan };
  }

  @Delete('objects/:name/fields/:field')
  @AdminOnly()
  async removeField(@User() user: CurrentUser, @Param('name') name: string, @Param('field') field: string, @Query() query: WriteQuery) {
    const opts = writeOptions(query as never, true);
    try {
      const result = await this.publish(user, writes.removeField(name, field, opts.purge, this.layers.baseSet()), `${opts.purge ? 'purge' : 'archive'} field ${name}.${field}`, opts);
      return { plan: result.plan, ...(result.applied ? { revision: result.revision } : {}) };
    } catch (e) {
      // a field still in use cannot go: say where it is used
      if (e instanceof ProblemError && e.status === 422) e.body.whereUsed = whereUsed(this.registry.current().set, [{ kind: 'archiveField', class: 'destructive', path: `/objects/${name}/fields/${field}`, description: '', sql: [] }]);
      throw e;
    }
  }

  @Delete('objects/:name')
  @AdminOnly()
  async removeObject(@User() user: CurrentUser, @Param('name') name: string, @Query() query: WriteQuery) {
    const opts = writeOptions(query as never, true);
    const result = await this.publish(user, writes.removeObject(name, opts.purge, this.layers.baseSet()), `${opts.purge ? 'purge' : 'archive'} object ${name}`, opts);
    return { plan: result.plan, ...(result.applied ? { revision: result.revision } : {}) };
  }

  @Put(':kind/:name')
  @AdminOnly()
  async put(@User() user: CurrentUser, @Param('kind') section: string, @Param('name') name: string, @Body() body: Record<string, unknown>, @Query() query: WriteQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const kind = sectionKind(section);
    if (kind === 'object') throw badRequest('Objects are changed with POST/PATCH /api/metadata/objects');
    const existed = !!(this.registry.current().set[SECTION_OF_KIND[kind]] as Record<string, unknown>)[name];
    const result = await withDocumentPaths(`/${SECTION_OF_KIND[kind]}/${name}`, () => this.publish(user, writes.putDefinition(kind, name, body ?? {}), `put ${kind} ${name}`, writeOptions(query as never)));
    reply.status(result.applied && !existed ? 201 : 200);
    return result.applied ? { [kind]: (result.set[SECTION_OF_KIND[kind]] as Record<string, unknown>)[name], plan: result.plan, revision: result.revision } : { plan: result.plan };
  }

  @Delete(':kind/:name')
  @AdminOnly()
  async remove(@User() user: CurrentUser, @Param('kind') section: string, @Param('name') name: string, @Query() query: WriteQuery) {
    const kind = sectionKind(section);
    if (kind === 'object') throw badRequest('Use DELETE /api/metadata/objects/{name}');
    const result = await this.publish(user, writes.deleteDefinition(kind, name, this.layers.baseSet()), `delete ${kind} ${name}`, writeOptions(query as never));
    return { plan: result.plan, ...(result.applied ? { revision: result.revision } : {}) };
  }

  private publish(user: CurrentUser, change: Parameters<MetadataPublisher['publish']>[0]['change'], message: string, opts: { dryRun: boolean; planHash?: string; purge?: boolean }): Promise<PublishResult> {
    return this.publisher.publish({ change, author: user.id, message, ...opts });
  }
}

const emptySet = (): MetadataSet => ({ objects: {}, pipelines: {}, approvals: {}, roles: {}, automations: {}, layouts: {} });
