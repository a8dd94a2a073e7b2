from tinhgon.entry import main

main()
