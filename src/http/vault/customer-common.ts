// What every customer route shares: its tag and its access (the signed-in customer only).
export const tags = ['customer'];
export const customerAccess = { access: ['customer'] } as const;
