/** sigs.yaml model and the owning SIG of a path. */
export * from './ownersUrl';
export * from './sigsModel';
export * from './ownersChain';
export * from './owningSig';
export * from './ownership';
