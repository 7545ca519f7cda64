// Import cycles: dependency-cruiser walks the TypeScript sources (type-only imports included, since a cycle of
// types is still a knot in the design) and `npm run lint` fails on any cycle. Layer rules live in eslint.config.js.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-import-cycle',
      severity: 'error',
      comment:
        'No import circles: dependencies point one way (STYLE.md). Break the cycle by moving what both need.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage|console/dist|reports|\\.stryker-tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    cache: false,
  },
};
