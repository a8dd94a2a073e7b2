"""A small province in one history (illustrative): the People's Committee at the root, three sở,
a commune, people in each; and a plan that merges two sở and moves people across agencies."""

from __future__ import annotations

PROVINCE_YAML = """
tinhgon: 1
agency:
  id: qn
  name: Ủy ban nhân dân tỉnh Quảng Ngãi
  kind: province
  agency_type: province_committee
  province: Quảng Ngãi
  province_class: I
  illustrative: true
baseline: {on: 2025-01-01, basis: 01/QĐ-UBND}
documents:
  - {symbol: 01/QĐ-UBND, kind: decision, issued_on: 2024-12-20, issuer: UBND tỉnh, title: Cơ cấu tổ chức, illustrative: true}
  - {symbol: 45/2025/NĐ-CP, kind: decree, issued_on: 2025-02-28, issuer: Chính phủ, title: Tổ chức các cơ quan chuyên môn}
  - {symbol: 200/QĐ-UBND, kind: decision, issued_on: 2025-02-26, issuer: UBND tỉnh, title: Sáp nhập sở, illustrative: true}
units:
  - {id: skhdt, name: Sở Kế hoạch và Đầu tư, kind: provincial_department, agency_type: provincial_department}
  - {id: skhdt-vp, name: Văn phòng, kind: office, parent: skhdt}
  - {id: skhdt-dt, name: Phòng Đầu tư, kind: department, parent: skhdt}
  - {id: stc, name: Sở Tài chính, kind: provincial_department, agency_type: provincial_department}
  - {id: stc-vp, name: Văn phòng, kind: office, parent: stc}
  - {id: stc-ns, name: Phòng Ngân sách, kind: department, parent: stc}
  - {id: snv, name: Sở Nội vụ, kind: provincial_department, agency_type: provincial_department}
  - {id: snv-tccb, name: Phòng Tổ chức biên chế, kind: department, parent: snv}
  - {id: xa-an, name: Xã An Phú, kind: commune, agency_type: commune_committee}
people:
  - {id: kh1, name: Nguyễn Văn An, born: 1970-03-02, sex: male, category: civil_servant, unit: skhdt, role: head}
  - {id: kh2, name: Trần Thị Bình, born: 1975-05-06, sex: female, category: civil_servant, unit: skhdt, role: deputy}
  - {id: kh3, name: Lê Văn Cường, born: 1980-01-01, sex: male, category: civil_servant, unit: skhdt-dt, role: head}
  - {id: kh4, name: Phạm Thị Dung, born: 1990-01-01, sex: female, category: civil_servant, unit: skhdt-vp}
  - {id: tc1, name: Hoàng Văn Em, born: 1968-02-02, sex: male, category: civil_servant, unit: stc, role: head}
  - {id: tc2, name: Vũ Thị Giang, born: 1985-07-07, sex: female, category: civil_servant, unit: stc-ns}
  - {id: nv1, name: Đặng Văn Hùng, born: 1972-09-09, sex: male, category: civil_servant, unit: snv, role: head}
  - {id: nv2, name: Bùi Thị Lan, born: 1988-08-08, sex: female, category: civil_servant, unit: snv-tccb}
  - {id: xa1, name: Đỗ Văn Minh, born: 1979-04-04, sex: male, category: cadre, unit: xa-an, role: head}
quotas:
  - {unit: skhdt, category: civil_servant, year: 2025, value: 5}
  - {unit: stc, category: civil_servant, year: 2025, value: 4}
  - {unit: snv, category: civil_servant, year: 2025, value: 3}
plans:
  - id: hop-nhat-so
    title: Sáp nhập Sở Kế hoạch và Đầu tư vào Sở Tài chính
    changes:
      - {kind: transfer, on: 2025-03-01, basis: 200/QĐ-UBND, person: kh4, unit: snv-tccb}
      - {kind: merge, on: 2025-03-01, basis: 45/2025/NĐ-CP, units: [skhdt], into: stc, roles: {kh1: deputy, kh2: deputy}}
"""
