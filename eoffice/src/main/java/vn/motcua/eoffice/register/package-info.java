/**
 * Registers of official documents (sổ văn bản, Decree 30/2020/ND-CP Art. 15, 22 and Appendix III):
 * numbers and symbols of outgoing documents, arrival numbers of incoming ones, the document types and
 * their abbreviations. Public API: {@link vn.motcua.eoffice.register.DocumentRegisters}.
 */
package vn.motcua.eoffice.register;
