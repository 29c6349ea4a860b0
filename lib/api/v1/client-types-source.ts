/** The text of lib/api/v1/client-types.ts, generated from the OpenAPI document (openapi-typescript). */
import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "./openapi";

const HEADER = `/**
 * The Flowgate API v1 as TypeScript types, generated from its OpenAPI document by
 * openapi-typescript. Do not edit: run \`npm run api:types\`. Use with openapi-fetch:
 *   createClient<paths>({ baseUrl: "http://localhost:3000/api/v1", headers: { authorization } })
 */
`;

export async function apiTypesSource(): Promise<string> {
  const document = JSON.parse(JSON.stringify(openApiDocument()));
  // A field with a default may be left out of a request (defaultNonNullable: false).
  const ast = await openapiTS(document, { alphabetize: false, defaultNonNullable: false });
  return `${HEADER}${astToString(ast)}`;
}
