// What every customer route shares: its tag, its access (the signed-in customer only), and public ids.
export const tags = ['customer'];
export const customerAccess = { access: ['customer'] } as const;
export const publicId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;
