// The API's types named by route (path and method), over the types generated from the OpenAPI document.
import type { paths } from './schema.gen.ts';

export type { paths };

/** A documented route, as written in the OpenAPI document: '/v1/hub/campaigns/{id}'. */
export type Path = keyof paths;

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The methods a route answers. */
export type MethodOf<P extends Path> = {
  [M in HttpMethod]-?: undefined extends paths[P][M] ? never : M;
}[HttpMethod];

type Operation<P extends Path, M extends MethodOf<P>> = NonNullable<paths[P][M]>;

type Responses<P extends Path, M extends MethodOf<P>> = Operation<P, M>['responses'];

type Json<T> = T extends { readonly content: { readonly 'application/json': infer Value } } ? Value : never;

/** The JSON a route answers with the given status (200 unless said). */
export type Reply<
  P extends Path,
  M extends MethodOf<P>,
  Status extends keyof Responses<P, M> = Extract<keyof Responses<P, M>, 200>,
> = Json<Responses<P, M>[Status]>;

/** The JSON body a route accepts. */
export type Body<P extends Path, M extends MethodOf<P>> = Json<NonNullable<Operation<P, M>['requestBody']>>;

/** The query string a route accepts. */
export type Query<P extends Path, M extends MethodOf<P>> = NonNullable<
  Operation<P, M>['parameters']['query']
>;

/** One element of a list answer: `Item<Reply<'/v1/hub/offers', 'get'>['offers']>`. */
export type Item<List> = List extends readonly (infer Element)[] ? Element : never;

/** `T` with the keys K present, where the other fields are really optional. */
export type Sent<T, K extends keyof T> = T & { readonly [Key in K]-?: Exclude<T[Key], undefined> };
