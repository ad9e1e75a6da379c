/**
 * Minimal `Reflect` metadata polyfill, installed only if none is present.
 *
 * @peculiar/x509 2.x depends on tsyringe, which refuses to load without a reflect-metadata
 * polyfill ("tsyringe requires a reflect polyfill"), and `reflect-metadata` is not a
 * dependency of this project. tsyringe only calls getMetadata / getOwnMetadata /
 * defineMetadata (and tslib's __metadata may call Reflect.metadata), so this WeakMap-backed
 * subset is enough. Import it before @peculiar/x509 — or import `@/lib/pki/x509`, which does.
 */
type Key = string | symbol | undefined;
type Store = Map<Key, Map<unknown, unknown>>;

interface ReflectMetadata {
  getMetadata?: (key: unknown, target: object, property?: Key) => unknown;
  getOwnMetadata?: (key: unknown, target: object, property?: Key) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: object, property?: Key) => void;
  hasMetadata?: (key: unknown, target: object, property?: Key) => boolean;
  metadata?: (key: unknown, value: unknown) => (target: object, property?: Key) => void;
}

const R = Reflect as unknown as ReflectMetadata;

if (typeof R.getMetadata !== 'function') {
  const stores = new WeakMap<object, Store>();
  const own = (target: object, property: Key, create: boolean): Map<unknown, unknown> | undefined => {
    let store = stores.get(target);
    if (!store && create) stores.set(target, (store = new Map()));
    let map = store?.get(property);
    if (store && !map && create) store.set(property, (map = new Map()));
    return map;
  };
  R.getOwnMetadata = (key, target, property) => own(target, property, false)?.get(key);
  R.getMetadata = (key, target, property) => {
    for (let t: object | null = target; t !== null; t = Object.getPrototypeOf(t) as object | null) {
      const map = own(t, property, false);
      if (map?.has(key)) return map.get(key);
    }
    return undefined;
  };
  R.hasMetadata = (key, target, property) => R.getMetadata?.(key, target, property) !== undefined;
  R.defineMetadata = (key, value, target, property) => {
    own(target, property, true)?.set(key, value);
  };
  R.metadata = (key, value) => (target, property) => R.defineMetadata?.(key, value, target, property);
}

export {};
