export * from './enums';
export * from './reference';
export * from './people';
export * from './investigations';
export * from './parties';
export * from './court';
export * from './reporting';
export * from './figures';
