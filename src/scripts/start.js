// npm start: the built portal, with ORIGIN defaulting to http://localhost:PORT so forms work out of the box.
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
await import(`../../${process.env.BUILD_DIR ?? 'build'}/index.js`);
