/**
 * Entry point of the mdtoc reproduction (`hack/verify-toc.sh`); the implementation lives in ./mdtoc/, one module per
 * job, and this file keeps the import path other code already uses.
 */
export {
  checkToc,
  findTocTags,
  generateToc,
  GoPanic,
  goTrimSpace,
  IncrementalHeadings,
  regenerateTocEdit,
  tocFix,
  TOC_END_TAG,
  TOC_ERROR_MESSAGES,
  TOC_START_TAG,
  VERIFY_TOC_MAX_DEPTH,
  type TocCheck,
  type TocEdit,
  type TocOptions,
  type TocTagError,
  type TocTags,
} from './mdtoc/api';
