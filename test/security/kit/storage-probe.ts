/**
 * What a page keeps after it is gone: Web Storage, IndexedDB, Cache Storage, cookies, the origin
 * private file system and service workers. `clearStorage` empties them before a session,
 * `storageLeft` reads them after it, and `watchStorageWrites` records every write API called in
 * between (even one undone before the end).
 */
export interface StorageLeft {
  localStorage: string[];
  sessionStorage: string[];
  indexedDB: string[];
  cacheStorage: string[];
  cookies: string;
  fileSystem: string[];
  serviceWorkers: number;
}

async function fileSystemEntries(): Promise<string[]> {
  const root = await navigator.storage.getDirectory();
  const names: string[] = [];
  for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  return names;
}

export async function clearStorage(): Promise<void> {
  localStorage.clear();
  sessionStorage.clear();
  for (const database of await indexedDB.databases()) if (database.name) indexedDB.deleteDatabase(database.name);
  for (const name of await caches.keys()) await caches.delete(name);
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]!.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  const root = await navigator.storage.getDirectory();
  for (const name of await fileSystemEntries()) await root.removeEntry(name, { recursive: true });
}

export async function storageLeft(): Promise<StorageLeft> {
  return {
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((database) => database.name ?? ''),
    cacheStorage: await caches.keys(),
    cookies: document.cookie,
    fileSystem: await fileSystemEntries(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
  };
}

export const NOTHING_LEFT: StorageLeft = {
  localStorage: [],
  sessionStorage: [],
  indexedDB: [],
  cacheStorage: [],
  cookies: '',
  fileSystem: [],
  serviceWorkers: 0,
};

type Patch = [target: object, name: string, descriptor: PropertyDescriptor];

/** Records each call of a storage write API until `stop()`; the APIs still work. */
export function watchStorageWrites(): { writes: string[]; stop(): void } {
  const writes: string[] = [];
  const patches: Patch[] = [];
  const wrapMethod = (target: object, name: string, label: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, name)!;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    patches.push([target, name, descriptor]);
    Object.defineProperty(target, name, {
      ...descriptor,
      value(this: unknown, ...args: unknown[]) {
        writes.push(`${label}(${String(args[0])})`);
        return original.apply(this, args);
      },
    });
  };
  wrapMethod(Storage.prototype, 'setItem', 'Storage.setItem');
  wrapMethod(IDBFactory.prototype, 'open', 'indexedDB.open');
  wrapMethod(CacheStorage.prototype, 'open', 'caches.open');
  wrapMethod(StorageManager.prototype, 'getDirectory', 'navigator.storage.getDirectory');
  wrapMethod(ServiceWorkerContainer.prototype, 'register', 'serviceWorker.register');
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  patches.push([Document.prototype, 'cookie', cookie]);
  Object.defineProperty(Document.prototype, 'cookie', {
    ...cookie,
    set(this: Document, value: string) {
      writes.push(`document.cookie=${value.split('=')[0]}`);
      cookie.set!.call(this, value);
    },
  });
  return {
    writes,
    stop() {
      for (const [target, name, descriptor] of patches.reverse()) Object.defineProperty(target, name, descriptor);
    },
  };
}
