// Types for the part of jstat (no published types) the statistical tests use.
declare module 'jstat' {
  const jstat: {
    readonly jStat: {
      readonly chisquare: { cdf(x: number, degreesOfFreedom: number): number };
    };
  };
  export default jstat;
}
