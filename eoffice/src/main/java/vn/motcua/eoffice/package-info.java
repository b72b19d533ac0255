/**
 * E-office (văn phòng điện tử): incoming and outgoing official documents under Decree 30/2020/ND-CP, registers and numbering, PDF rendering and PAdES signing. Sub-packages to come: {@code document}, {@code register}, {@code rendering}, {@code signing}.
 */
package vn.motcua.eoffice;
