export const servedOutput: { minify: true; comments: { annotation: false } };
