import http from 'node:http';
import postgres from 'postgres';

// The floor: plain node:http and postgres.js running the same SQL as the API, nothing else
// (no authentication, transaction, row-level security, validation, audit or logging). It lists
// the customers of ORGANIZATION_ID and creates customers in WRITES_ORGANIZATION_ID.
const port = Number(process.env.PORT);
const organizationId = process.env.ORGANIZATION_ID!;
const writesOrganizationId = process.env.WRITES_ORGANIZATION_ID!;
const sql = postgres(process.env.DATABASE_URL!, { max: 10 });

const customerColumns = sql`
  id, email, first_name as "firstName", last_name as "lastName", company, phone, status, tags,
  owner_id as "ownerId", address, metadata, version, created_at as "createdAt",
  updated_at as "updatedAt"`;

async function listCustomers(url: URL) {
  const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 25));
  const rows = await sql`
    select ${customerColumns}
    from customers
    where organization_id = ${organizationId} and deleted_at is null
    order by created_at desc, id desc
    limit ${limit + 1}`;
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? 'more' : null };
}

interface CustomerBody {
  firstName: string;
  lastName?: string;
  email?: string;
  company?: string;
  status?: string;
}

async function createCustomer(body: CustomerBody) {
  const [customer] = await sql`
    insert into customers (organization_id, first_name, last_name, email, company, status)
    values (${writesOrganizationId}, ${body.firstName}, ${body.lastName ?? ''},
            ${body.email ?? null}, ${body.company ?? null}, ${body.status ?? 'lead'})
    returning ${customerColumns}`;
  return customer;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function respond(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url!, 'http://floor');
  if (url.pathname !== '/customers') {
    res.writeHead(404).end();
    return;
  }
  const result =
    req.method === 'POST'
      ? await createCustomer(JSON.parse(await readBody(req)) as CustomerBody)
      : await listCustomers(url);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(result));
}

http
  .createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : String(error));
    });
  })
  .listen(port, '127.0.0.1', () => process.send?.('ready'));
