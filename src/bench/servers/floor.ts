import http from 'node:http';
import postgres from 'postgres';

// The floor: plain node:http and postgres.js running the same list query, nothing else
// (no authentication, transaction, row-level security, validation or logging).
const port = Number(process.env.PORT);
const organizationId = process.env.ORGANIZATION_ID!;
const sql = postgres(process.env.DATABASE_URL!, { max: 10 });

http
  .createServer(async (req, res) => {
    const limit = Math.min(
      100,
      Number(new URL(req.url!, 'http://x').searchParams.get('limit') ?? 25),
    );
    const rows = await sql`
      select id, email, first_name as "firstName", last_name as "lastName", company, phone, status,
             tags, owner_id as "ownerId", address, metadata, version,
             created_at as "createdAt", updated_at as "updatedAt"
      from customers
      where organization_id = ${organizationId} and deleted_at is null
      order by created_at desc, id desc
      limit ${limit + 1}`;
    const items = rows.slice(0, limit);
    const body = JSON.stringify({ items, nextCursor: rows.length > limit ? 'more' : null });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  })
  .listen(port, '127.0.0.1', () => process.send?.('ready'));
