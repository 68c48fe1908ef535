// Provinces (codes and names as in data/provinces.csv) with their districts and
// municipalities, and a weight for how often the demo data places an offence there.

export type ProvinceGeo = { code: string; name: string; nameKm: string; weight: number; districts: readonly string[] };

export const PHNOM_PENH = '12';
export const KAMPONG_CHHNANG = '04';
/**
 * The province whose cases the demo writes in Khmer script (districts, people's names), as
 * its investigators would: the data the Khmer search and the Khmer e2e work on.
 */
export const KHMER_SCRIPT_PROVINCE = KAMPONG_CHHNANG;

export const GEOGRAPHY: readonly ProvinceGeo[] = [
  { code: '01', name: 'Banteay Meanchey', nameKm: 'បន្ទាយមានជ័យ', weight: 6, districts: ['Mongkol Borei', 'Phnum Srok', 'Preah Netr Preah', 'Ou Chrov', 'Serei Saophoan', 'Thma Puok', 'Svay Chek', 'Malai', 'Paoy Paet'] },
  { code: '02', name: 'Battambang', nameKm: 'បាត់ដំបង', weight: 7, districts: ['Banan', 'Thma Koul', 'Battambang', 'Bavel', 'Aek Phnum', 'Moung Ruessei', 'Rotonak Mondol', 'Sangkae', 'Samlout', 'Sampov Lun', 'Phnum Proek', 'Kamrieng', 'Koas Krala', 'Rukhak Kiri'] },
  { code: '03', name: 'Kampong Cham', nameKm: 'កំពង់ចាម', weight: 6, districts: ['Batheay', 'Chamkar Leu', 'Cheung Prey', 'Kampong Cham', 'Kampong Siem', 'Kang Meas', 'Koh Sotin', 'Prey Chhor', 'Srei Santhor', 'Stueng Trang'] },
  { code: '04', name: 'Kampong Chhnang', nameKm: 'កំពង់ឆ្នាំង', weight: 6, districts: ['បរិបូណ៌', 'ជលគីរី', 'កំពង់ឆ្នាំង', 'កំពង់លែង', 'កំពង់ត្រឡាច', 'រលាប្អៀរ', 'សាមគ្គីមានជ័យ', 'ទឹកផុស'] },
  { code: '05', name: 'Kampong Speu', nameKm: 'កំពង់ស្ពឺ', weight: 6, districts: ['Basedth', 'Chbar Mon', 'Kong Pisei', 'Aoral', 'Odongk', 'Phnom Sruoch', 'Samraong Tong', 'Thpong'] },
  { code: '06', name: 'Kampong Thom', nameKm: 'កំពង់ធំ', weight: 4, districts: ['Baray', 'Kampong Svay', 'Stueng Saen', 'Prasat Ballang', 'Prasat Sambour', 'Sandan', 'Santuk', 'Stoung', 'Taing Kouk'] },
  { code: '07', name: 'Kampot', nameKm: 'កំពត', weight: 4, districts: ['Angkor Chey', 'Banteay Meas', 'Chhuk', 'Chum Kiri', 'Dang Tong', 'Kampong Trach', 'Tuek Chhou', 'Kampot', 'Bokor'] },
  { code: '08', name: 'Kandal', nameKm: 'កណ្ដាល', weight: 9, districts: ['Kandal Stueng', 'Kien Svay', 'Khsach Kandal', 'Kaoh Thum', 'Leuk Daek', 'Lvea Aem', 'Mukh Kampul', 'Angk Snuol', 'Ponhea Leu', 'Saang', 'Ta Khmau'] },
  { code: '09', name: 'Koh Kong', nameKm: 'កោះកុង', weight: 2, districts: ['Botum Sakor', 'Kiri Sakor', 'Koh Kong', 'Khemara Phoumin', 'Mondol Seima', 'Srae Ambel', 'Thma Bang'] },
  { code: '10', name: 'Kratie', nameKm: 'ក្រចេះ', weight: 2, districts: ['Chhloung', 'Kratie', 'Preaek Prasab', 'Sambour', 'Snuol', 'Chetr Borei'] },
  { code: '11', name: 'Mondulkiri', nameKm: 'មណ្ឌលគិរី', weight: 1, districts: ['Kaev Seima', 'Kaoh Nheaek', 'Ou Reang', 'Pech Chreada', 'Saen Monourom'] },
  { code: '12', name: 'Phnom Penh', nameKm: 'ភ្នំពេញ', weight: 24, districts: ['Chamkar Mon', 'Doun Penh', 'Prampir Makara', 'Tuol Kouk', 'Dangkao', 'Mean Chey', 'Russey Keo', 'Sen Sok', 'Pou Senchey', 'Chroy Changvar', 'Prek Pnov', 'Chbar Ampov', 'Boeng Keng Kang', 'Kamboul'] },
  { code: '13', name: 'Preah Vihear', nameKm: 'ព្រះវិហារ', weight: 1, districts: ['Chey Saen', 'Chhaeb', 'Choam Khsant', 'Kuleaen', 'Rovieng', 'Sangkom Thmei', 'Tbaeng Mean Chey', 'Preah Vihear'] },
  { code: '14', name: 'Prey Veng', nameKm: 'ព្រៃវែង', weight: 5, districts: ['Ba Phnum', 'Kamchay Mear', 'Kampong Trabaek', 'Kanhchriech', 'Me Sang', 'Peam Chor', 'Peam Ro', 'Pea Reang', 'Preah Sdach', 'Prey Veng', 'Pur Rieng', 'Sithor Kandal', 'Svay Antor'] },
  { code: '15', name: 'Pursat', nameKm: 'ពោធិ៍សាត់', weight: 3, districts: ['Bakan', 'Kandieng', 'Krakor', 'Phnum Kravanh', 'Pursat', 'Veal Veaeng', 'Ta Lou Senchey'] },
  { code: '16', name: 'Ratanakiri', nameKm: 'រតនគិរី', weight: 1, districts: ['Andoung Meas', 'Banlung', 'Bar Kaev', 'Koun Mom', 'Lumphat', 'Ou Chum', 'Ou Ya Dav', 'Ta Veaeng', 'Veun Sai'] },
  { code: '17', name: 'Siem Reap', nameKm: 'សៀមរាប', weight: 8, districts: ['Angkor Chum', 'Angkor Thom', 'Banteay Srei', 'Chi Kraeng', 'Kralanh', 'Puok', 'Prasat Bakong', 'Siem Reap', 'Sout Nikom', 'Srei Snam', 'Svay Leu', 'Varin'] },
  { code: '18', name: 'Preah Sihanouk', nameKm: 'ព្រះសីហនុ', weight: 5, districts: ['Preah Sihanouk', 'Prey Nob', 'Stueng Hav', 'Kampong Seila', 'Kaoh Rung'] },
  { code: '19', name: 'Stung Treng', nameKm: 'ស្ទឹងត្រែង', weight: 1, districts: ['Sesan', 'Siem Bouk', 'Siem Pang', 'Stung Treng', 'Thala Barivat', 'Borei Ou Svay Senchey'] },
  { code: '20', name: 'Svay Rieng', nameKm: 'ស្វាយរៀង', weight: 3, districts: ['Chantrea', 'Kampong Rou', 'Rumduol', 'Romeas Haek', 'Svay Chrum', 'Svay Rieng', 'Svay Teab', 'Bavet'] },
  { code: '21', name: 'Takeo', nameKm: 'តាកែវ', weight: 5, districts: ['Angkor Borei', 'Bati', 'Bourei Cholsar', 'Kiri Vong', 'Kaoh Andaet', 'Prey Kabbas', 'Samraong', 'Doun Kaev', 'Tram Kak', 'Treang'] },
  { code: '22', name: 'Oddar Meanchey', nameKm: 'ឧត្ដរមានជ័យ', weight: 2, districts: ['Anlong Veng', 'Banteay Ampil', 'Chong Kal', 'Samraong', 'Trapeang Prasat'] },
  { code: '23', name: 'Kep', nameKm: 'កែប', weight: 1, districts: ['Damnak Changaeur', 'Kep'] },
  { code: '24', name: 'Pailin', nameKm: 'ប៉ៃលិន', weight: 1, districts: ['Pailin', 'Sala Krau'] },
  { code: '25', name: 'Tboung Khmum', nameKm: 'ត្បូងឃ្មុំ', weight: 4, districts: ['Dambae', 'Krouch Chhmar', 'Memot', 'Ou Reang Ov', 'Ponhea Kraek', 'Suong', 'Tboung Khmum'] },
];

export function provinceGeo(code: string): ProvinceGeo {
  const found = GEOGRAPHY.find((p) => p.code === code);
  if (!found) throw new Error(`Unknown province code ${code}`);
  return found;
}
