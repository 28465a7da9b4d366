// server/rules/*.yaml are compiled to validated rule arrays by the build (esbuild.mjs) and by vitest.
declare module '*.yaml' {
  const rules: import('../server/src/engine/rules/model').Rule[];
  export default rules;
}
