/** The price list: items and specialist categories. Staff read; the admin edits. */
import { z } from '@hono/zod-openapi';
import {
  CatalogItem,
  CatalogItemPatchBody,
  Category,
  CategoryPatchBody,
  ErrorBody,
  IdParam,
  NewCatalogItemBody,
  NewCategoryBody,
} from '../../schema/api';
import { STAFF } from '../http/auth';
import { conflict, fieldError, notFound } from '../http/errors';
import { commonErrors, jsonBody, jsonResponse, router, staffRoute } from '../http/route';
import {
  codeTaken,
  findCategory,
  findItem,
  insertCategory,
  insertItem,
  listCategories,
  listItems,
  updateCategory,
  updateItem,
  type CatalogItemView,
  type ItemFields,
} from '../store/catalog';
import type { Db } from '../store/db';
import { ERRORS as E } from '../domain/words/errors';
import { both } from '../domain/words/words';

const ADMIN = ['admin'] as const;

const itemNotFound = () => notFound(both(E.noSuchItem));

/** The rules a whole item must keep, whatever combination of fields a request changes. */
async function checkItem(db: Db, f: ItemFields, exceptId?: number) {
  if (f.mode === 'fixed' && f.hoursCenti === null) {
    throw fieldError('hoursCenti', both(E.fixedNeedsHours));
  }
  if (f.mode === 'estimate' && f.hoursCenti !== null) {
    throw fieldError('hoursCenti', both(E.estimateHasNoHours));
  }
  if (f.mode === 'fixed' && f.actualTime) {
    throw fieldError('actualTime', both(E.fixedNotActualTime));
  }
  if (await codeTaken(db, f.code, exceptId)) {
    throw conflict('code_taken', both(E.itemCodeTaken, { code: f.code }));
  }
}

async function categoryOrError(db: Db, id: number) {
  const category = await findCategory(db, id);
  if (!category) throw fieldError('categoryId', both(E.noSuchCategoryField));
  return category;
}

function fieldsOf(item: CatalogItemView): ItemFields {
  const { id: _id, categoryName: _a, categoryNameEn: _b, version: _v, ...fields } = item;
  return fields;
}

export const catalog = router()
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/items',
      tags: ['catalog'],
      summary: 'The price list',
      responses: { 200: jsonResponse(z.array(CatalogItem), 'items'), ...commonErrors },
    }),
    async (c) => c.json(await listItems(c.var.db), 200),
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/items/{id}',
      tags: ['catalog'],
      summary: 'One price-list item',
      request: { params: IdParam },
      responses: { 200: jsonResponse(CatalogItem, 'item'), ...commonErrors },
    }),
    async (c) => {
      const item = await findItem(c.var.db, c.req.valid('param').id);
      if (!item) throw itemNotFound();
      return c.json(item, 200);
    },
  )
  .openapi(
    staffRoute(ADMIN, {
      method: 'post',
      path: '/items',
      tags: ['catalog'],
      summary: 'Add a service to the price list',
      request: { body: jsonBody(NewCatalogItemBody) },
      responses: { 201: jsonResponse(CatalogItem, 'created'), 409: jsonResponse(ErrorBody, 'code taken'), ...commonErrors },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const category = await categoryOrError(c.var.db, b.categoryId);
      const fields: ItemFields = {
        code: b.code,
        name: b.name,
        nameEn: b.nameEn ?? b.name,
        section: b.section ?? b.code.split('.')[0] ?? '',
        mode: b.mode,
        actualTime: b.actualTime ?? false,
        hoursCenti: b.hoursCenti ?? null,
        categoryId: b.categoryId,
        kMilli: b.kMilli ?? category.kMilli,
        description: b.description ?? '',
        inputs: b.inputs ?? '',
        result: b.result ?? '',
        limits: b.limits ?? '',
        active: b.active ?? true,
        sortOrder: b.sortOrder ?? 0,
      };
      await checkItem(c.var.db, fields);
      const item = await insertItem(c.var.db, fields);
      if (!item) throw conflict('code_taken', both(E.itemCodeTaken, { code: b.code }));
      return c.json(item, 201);
    },
  )
  .openapi(
    staffRoute(ADMIN, {
      method: 'patch',
      path: '/items/{id}',
      tags: ['catalog'],
      summary: 'Change a price-list item (quotes keep the values they copied)',
      request: { params: IdParam, body: jsonBody(CatalogItemPatchBody) },
      responses: {
        200: jsonResponse(CatalogItem, 'updated'),
        409: jsonResponse(ErrorBody, 'stale version or code taken'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const current = await findItem(c.var.db, id);
      if (!current) throw itemNotFound();
      const fields: ItemFields = { ...fieldsOf(current) };
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) (fields as Record<string, unknown>)[k] = v;
      if (patch.mode === 'estimate' && patch.hoursCenti === undefined) fields.hoursCenti = null;
      if (patch.categoryId !== undefined && patch.categoryId !== current.categoryId) {
        const category = await categoryOrError(c.var.db, patch.categoryId);
        if (patch.kMilli === undefined) fields.kMilli = category.kMilli;
      }
      await checkItem(c.var.db, fields, id);
      const item = await updateItem(c.var.db, id, fields, version ?? current.version);
      if (!item) {
        throw conflict('version_conflict', both(E.itemVersionConflict), { currentVersion: current.version });
      }
      return c.json(item, 200);
    },
  )
  .openapi(
    staffRoute(STAFF, {
      method: 'get',
      path: '/categories',
      tags: ['catalog'],
      summary: 'Specialist categories and their K',
      responses: { 200: jsonResponse(z.array(Category), 'categories'), ...commonErrors },
    }),
    async (c) => c.json(await listCategories(c.var.db), 200),
  )
  .openapi(
    staffRoute(ADMIN, {
      method: 'post',
      path: '/categories',
      tags: ['catalog'],
      summary: 'Add a specialist category',
      request: { body: jsonBody(NewCategoryBody) },
      responses: { 201: jsonResponse(Category, 'created'), 409: jsonResponse(ErrorBody, 'code taken'), ...commonErrors },
    }),
    async (c) => {
      const row = await insertCategory(c.var.db, c.req.valid('json'));
      if (!row) throw conflict('code_taken', both(E.categoryCodeTaken));
      return c.json(row, 201);
    },
  )
  .openapi(
    staffRoute(ADMIN, {
      method: 'patch',
      path: '/categories/{id}',
      tags: ['catalog'],
      summary: 'Change a category’s names, K or activity (items keep their own K)',
      request: { params: IdParam, body: jsonBody(CategoryPatchBody) },
      responses: { 200: jsonResponse(Category, 'updated'), ...commonErrors },
    }),
    async (c) => {
      const row = await updateCategory(c.var.db, c.req.valid('param').id, c.req.valid('json'));
      if (!row) throw notFound(both(E.noSuchCategory));
      return c.json(row, 200);
    },
  );
