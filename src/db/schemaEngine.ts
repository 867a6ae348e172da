import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { prismaDir } from './projectRoot.js';

// @types/node leaves WebAssembly to lib.dom; this is the one call we use.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let loaded: Promise<SchemaEngineModule> | undefined;

/**
 * Prisma's schema engine compiled to WASM. Node 20 cannot `import` a .wasm file without a
 * flag, so we instantiate it ourselves with its JS glue as the import object. This is what
 * lets migrations run on machines that cannot download Prisma's native engine binary.
 */
function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  loaded ??= (async () => {
    // The engine reports panics through this global; without it a panic becomes a TypeError.
    const registry = { message: '', set_message(message: string) { registry.message = message; process.stderr.write('schema engine panic: ' + message + '\n'); } };
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof registry }).PRISMA_WASM_PANIC_REGISTRY = registry;
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as SchemaEngineModule & {
      __wbg_set_wasm(exports: Record<string, unknown>): void;
    };
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': glue,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return loaded;
}

export type SchemaEngineLog = (message: string) => void;

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

export type OpenSchemaEngine = {
  engine: SchemaEngine;
  /** Frees the engine and closes the connections it opened (free() alone leaves them open). */
  close(): Promise<void>;
};

/**
 * Opens the schema engine connected to `url`. It connects at construction, so the
 * database must be reachable. `datamodels` are [path, content] pairs of schema files
 * (default: the project's schema.prisma).
 */
export async function openSchemaEngine(
  url: string,
  datamodels?: [string, string][],
  log: SchemaEngineLog = () => {},
): Promise<OpenSchemaEngine> {
  const engineModule = await loadSchemaEngineModule();
  // The engine validates a datamodel at construction and panics on none.
  const schemaPath = join(prismaDir(), 'schema.prisma');
  datamodels ??= [[schemaPath, await readFile(schemaPath, 'utf8')]];
  const factory = new PrismaPg({ connectionString: url, max: 1 });
  const opened: PgAdapter[] = [];
  const tracked = {
    provider: factory.provider as PrismaPg['provider'],
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await factory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const engine = await engineModule.SchemaEngine.new({ datamodels }, (line: string) => log(line), bindMigrationAwareSqlAdapterFactory(tracked));
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}
